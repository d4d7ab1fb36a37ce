using Stowage.Console.Protection;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using static Stowage.Console.Tests.Protection.Events;

namespace Stowage.Console.Tests.Protection;

public sealed class ProtectionProjectionTests
{
    private static ApplicationProtection Replay(params IIntegrationEvent[] events) =>
        ProtectionProjection.Replay(ApplicationProtection.Unknown(App.Namespace, App.Name), events);

    [Fact]
    public void A_discovered_application_without_policy_is_unprotected_with_its_suggestion()
    {
        var view = Replay(Discovered(T0));
        Assert.Equal("PostgreSQL", view.KindDisplayName);
        Assert.Null(view.Policy);
        Assert.Equal(TimeSpan.FromHours(6), view.Suggested!.Interval);
        Assert.Equal(RecoveryPointStatus.Unprotected, ProtectionReport.Of(view, T0).Status);
    }

    [Fact]
    public void Runs_follow_requested_progress_and_finished()
    {
        var view = Replay(Discovered(T0), Created(T0), Requested("r1", T0.AddSeconds(1)),
            new BackupProgressed(Guid.NewGuid(), T0.AddSeconds(2), "r1", "p1", "copying data", 0, 1, 4096));
        Assert.Equal("copying data", Assert.Single(view.Runs).Activity!.Step);

        view = ProtectionProjection.Evolve(view, Finished("r1", T0.AddSeconds(11), kept: 1));
        var run = Assert.Single(view.Runs);
        Assert.Equal((RunOutcome.Succeeded, 1000L, TimeSpan.FromSeconds(10)), (run.Outcome!.Value, run.BytesAdded, run.Duration!.Value));
        Assert.Null(run.Activity);
    }

    [Fact]
    public void Applying_an_event_twice_changes_nothing()
    {
        var finished = Finished("r1", T0.AddSeconds(5));
        var once = Replay(Created(T0), Requested("r1", T0), finished);
        var twice = ProtectionProjection.Evolve(once, finished);
        Assert.Equal(once.Runs, twice.Runs);
    }

    [Fact]
    public void Progress_arriving_after_the_end_is_ignored()
    {
        var view = Replay(Created(T0), Requested("r1", T0), Finished("r1", T0.AddSeconds(5)),
            new BackupProgressed(Guid.NewGuid(), T0.AddSeconds(3), "r1", "p1", "copying", 0, 1, 1));
        Assert.Null(Assert.Single(view.Runs).Activity);
    }

    [Fact]
    public void Pause_resume_and_delete_follow_the_live_policy_only()
    {
        var view = Replay(Created(T0), new PolicyPaused(Guid.NewGuid(), "p1", 2, T0.AddMinutes(1), App, "maintenance"));
        Assert.True(view.Policy!.Paused);
        view = ProtectionProjection.Evolve(view, new PolicyResumed(Guid.NewGuid(), "p1", 3, T0.AddMinutes(2), Spec("30m")));
        Assert.Equal((false, "30m"), (view.Policy!.Paused, view.Policy.Schedule.Interval));
        // A stale pause (version 2 again) is ignored.
        view = ProtectionProjection.Evolve(view, new PolicyPaused(Guid.NewGuid(), "p1", 2, T0.AddMinutes(1), App, "maintenance"));
        Assert.False(view.Policy!.Paused);
        view = ProtectionProjection.Evolve(view, new PolicyDeleted(Guid.NewGuid(), "p1", 4, T0.AddMinutes(3), App));
        Assert.Null(view.Policy);
    }

    [Fact]
    public void The_view_keeps_the_latest_runs_only()
    {
        var events = Enumerable.Range(0, ProtectionProjection.RunsKept + 5).Select(i => (IIntegrationEvent)Requested($"r{i:000}", T0.AddMinutes(i)));
        var view = Replay([Created(T0), .. events]);
        Assert.Equal(ProtectionProjection.RunsKept, view.Runs.Count);
        Assert.Equal("r005", view.Runs[0].RunId);
    }

    [Fact]
    public void The_latest_restore_is_kept()
    {
        var view = Replay(Created(T0), new RestoreFinished(Guid.NewGuid(), T0.AddHours(2), "restore-2", "r1", RunOutcome.Succeeded, null, [], []),
            new RestoreFinished(Guid.NewGuid(), T0.AddHours(1), "restore-1", "r1", RunOutcome.Failed, "bucket gone", [], []));
        Assert.Equal("restore-2", view.LastRestore!.RestoreId);
    }
}
