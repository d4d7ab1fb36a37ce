using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;

namespace Stowage.Policy.Tests.Domain;

public sealed class PolicyDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DecisionContext Context = new(Now, Guid.NewGuid);

    private static PolicyState? Given(params PolicyCommand[] commands) =>
        commands.Aggregate((PolicyState?)null, (state, command) =>
            PolicyDecider.Decide(command, state, Context).Aggregate(state, PolicyState.Evolve));

    [Fact]
    public void Create_records_the_spec_at_version_1()
    {
        var events = PolicyDecider.Decide(new CreatePolicy("p1", PolicySpecs.Valid(), Paused: false), null, Context);
        var created = Assert.IsType<PolicyCreated>(Assert.Single(events));
        Assert.Equal(("p1", 1L, Now), (created.PolicyId, created.Version, created.OccurredAt));
        Assert.Equal(PolicySpecs.Valid(), created.Spec);
    }

    [Fact]
    public void Creating_twice_is_refused()
    {
        var state = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false));
        Assert.Throws<PolicyRuleViolation>(() => PolicyDecider.Decide(new CreatePolicy("p1", PolicySpecs.Valid(), false), state, Context));
    }

    [Fact]
    public void Creating_a_second_live_policy_for_an_application_is_refused_naming_the_first()
    {
        var refused = Assert.Throws<PolicyRuleViolation>(() =>
            PolicyDecider.Decide(new CreatePolicy("p2", PolicySpecs.Valid(), false, LivePolicyOfApplication: "p1"), null, Context));
        Assert.Contains("'p1'", refused.Message);
    }

    [Fact]
    public void Pause_then_resume_moves_status_and_versions()
    {
        var state = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false), new PausePolicy("maintenance"));
        Assert.Equal((PolicyStatus.Paused, 2L, "maintenance"), (state!.Status, state.Version, state.PausedReason));

        var resumed = Assert.IsType<PolicyResumed>(Assert.Single(PolicyDecider.Decide(new ResumePolicy(), state, Context)));
        Assert.Equal(3, resumed.Version);
        Assert.Equal(PolicySpecs.Valid(), resumed.Spec);
    }

    [Fact]
    public void Repeating_a_command_that_already_holds_decides_nothing()
    {
        var paused = Given(new CreatePolicy("p1", PolicySpecs.Valid(), Paused: true));
        Assert.Empty(PolicyDecider.Decide(new PausePolicy(null), paused, Context));
        Assert.Empty(PolicyDecider.Decide(new ReplacePolicySpec(PolicySpecs.Valid()), paused, Context));
    }

    [Fact]
    public void Changing_the_retention_records_the_whole_new_spec()
    {
        var state = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false));
        var spec = PolicySpecs.Valid() with { Retention = new RetentionRule(3) };
        var changed = Assert.IsType<PolicyChanged>(Assert.Single(PolicyDecider.Decide(new ReplacePolicySpec(spec), state, Context)));
        Assert.Equal(spec, changed.Spec);
    }

    [Fact]
    public void A_policy_cannot_be_moved_to_another_application()
    {
        var state = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false));
        Assert.Throws<PolicyRuleViolation>(() => PolicyDecider.Decide(new ReplacePolicySpec(PolicySpecs.Valid(app: "other")), state, Context));
    }

    [Fact]
    public void Application_removed_then_seen_again_orphans_then_adopts_once()
    {
        var orphaned = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false), new MarkApplicationRemoved());
        Assert.True(orphaned!.Orphaned);
        Assert.Equal(PolicyStatus.Active, orphaned.Status);
        Assert.Empty(PolicyDecider.Decide(new MarkApplicationRemoved(), orphaned, Context));
        Assert.IsType<PolicyAdopted>(Assert.Single(PolicyDecider.Decide(new MarkApplicationSeen(), orphaned, Context)));
    }

    [Fact]
    public void A_deleted_policy_refuses_changes_and_ignores_a_second_delete()
    {
        var deleted = Given(new CreatePolicy("p1", PolicySpecs.Valid(), false), new DeletePolicy());
        Assert.Equal(PolicyStatus.Deleted, deleted!.Status);
        Assert.Empty(PolicyDecider.Decide(new DeletePolicy(), deleted, Context));
        Assert.True(Assert.Throws<PolicyNotFound>(() => PolicyDecider.Decide(new ResumePolicy(), deleted, Context)).Deleted);
    }

    [Fact]
    public void Commands_on_an_unknown_policy_are_not_found()
    {
        Assert.Throws<PolicyNotFound>(() => PolicyDecider.Decide(new PausePolicy(null), null, Context));
    }

    [Fact]
    public void Replaying_the_events_gives_the_state_the_decisions_built()
    {
        var events = new List<PolicyEvent>();
        PolicyState? state = null;
        foreach (var command in new PolicyCommand[] { new CreatePolicy("p1", PolicySpecs.Valid(), false), new PausePolicy("x"), new ResumePolicy(), new MarkApplicationRemoved() })
        {
            var decided = PolicyDecider.Decide(command, state, Context);
            events.AddRange(decided);
            state = decided.Aggregate(state, PolicyState.Evolve);
        }
        Assert.Equal(state, PolicyState.Replay(events));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Version));
    }
}
