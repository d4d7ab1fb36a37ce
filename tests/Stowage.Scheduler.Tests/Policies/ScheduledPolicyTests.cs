using Stowage.Contracts.Policies;
using Stowage.Scheduler.Policies;

namespace Stowage.Scheduler.Tests.Policies;

public sealed class ScheduledPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly ApplicationRef App = new("shop", "db");

    private static PolicySpec Spec(int keep) =>
        new(App, new BackupTarget("local", "b", new CredentialsRef()), new BackupSchedule("1h"), new RetentionRule(keep));

    private static ScheduledPolicy? Fold(params PolicyEvent[] events) => events.Aggregate((ScheduledPolicy?)null, ScheduledPolicy.Evolve);

    [Fact]
    public void A_spec_change_of_a_paused_policy_keeps_it_paused()
    {
        var view = Fold(new PolicyCreated(Guid.NewGuid(), "p1", 1, At, Spec(1), false), new PolicyPaused(Guid.NewGuid(), "p1", 2, At, App, null),
            new PolicyChanged(Guid.NewGuid(), "p1", 3, At, Spec(2)))!;
        Assert.Equal((ScheduledPolicyStatus.Paused, 3L, false), (view.Status, view.SpecVersion, view.WantsSchedule));
        Assert.Equal(Spec(2), view.Spec);

        var resumed = ScheduledPolicy.Evolve(view, new PolicyResumed(Guid.NewGuid(), "p1", 4, At, Spec(2)))!;
        Assert.True(resumed.WantsSchedule);
    }

    [Fact]
    public void Events_out_of_order_leave_the_newest_status_and_spec()
    {
        var view = Fold(new PolicyChanged(Guid.NewGuid(), "p1", 3, At, Spec(3)), new PolicyPaused(Guid.NewGuid(), "p1", 2, At, App, null),
            new PolicyCreated(Guid.NewGuid(), "p1", 1, At, Spec(1), false))!;
        Assert.Equal((ScheduledPolicyStatus.Paused, 2L, 3L), (view.Status, view.StatusVersion, view.SpecVersion));
        Assert.Equal(Spec(3), view.Spec);
    }

    [Fact]
    public void A_deleted_policy_never_comes_back()
    {
        var view = Fold(new PolicyCreated(Guid.NewGuid(), "p1", 1, At, Spec(1), false), new PolicyDeleted(Guid.NewGuid(), "p1", 3, At, App),
            new PolicyResumed(Guid.NewGuid(), "p1", 4, At, Spec(1)))!;
        Assert.Equal(ScheduledPolicyStatus.Deleted, view.Status);
        Assert.False(view.WantsSchedule);
    }

    [Fact]
    public void A_pause_seen_before_the_creation_is_not_undone_by_it()
    {
        var view = Fold(new PolicyPaused(Guid.NewGuid(), "p1", 2, At, App, null), new PolicyCreated(Guid.NewGuid(), "p1", 1, At, Spec(1), false))!;
        Assert.Equal(ScheduledPolicyStatus.Paused, view.Status);
        Assert.False(view.WantsSchedule);
    }
}
