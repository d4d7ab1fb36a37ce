using Stowage.Contracts.Policies;

namespace Stowage.Policy.Domain;

/// <summary>
/// Turns a command and the current state into the events that record it. Repeating a command that is already
/// true (pausing a paused policy) decides nothing, so retries are harmless.
/// </summary>
public static class PolicyDecider
{
    public static IReadOnlyList<PolicyEvent> Decide(PolicyCommand command, PolicyState? state, DecisionContext context)
    {
        if (command is CreatePolicy create)
        {
            if (state is not null) throw new PolicyRuleViolation($"Policy '{create.PolicyId}' already exists.");
            if (create.LivePolicyOfApplication is { } owner)
            {
                throw new PolicyRuleViolation($"Application {create.Spec.Application} already has policy '{owner}'; change that one instead.");
            }
            return [new PolicyCreated(context.NewEventId(), create.PolicyId, 1, context.Now, create.Spec, create.Paused, create.FromSuggestion)];
        }

        var current = state ?? throw new PolicyNotFound();
        if (current.Status == PolicyStatus.Deleted)
        {
            return command is DeletePolicy or MarkApplicationRemoved or MarkApplicationSeen ? [] : throw new PolicyNotFound(deleted: true);
        }

        var id = current.Id;
        var next = current.Version + 1;
        return command switch
        {
            ReplacePolicySpec c when c.Spec == current.Spec => [],
            ReplacePolicySpec c when c.Spec.Application != current.Spec.Application =>
                throw new PolicyRuleViolation("A policy protects one application for life; create a new policy for another application."),
            ReplacePolicySpec c => [new PolicyChanged(context.NewEventId(), id, next, context.Now, c.Spec)],
            PausePolicy when current.Status == PolicyStatus.Paused => [],
            PausePolicy c => [new PolicyPaused(context.NewEventId(), id, next, context.Now, current.Spec.Application, c.Reason)],
            ResumePolicy when current.Status == PolicyStatus.Active => [],
            ResumePolicy => [new PolicyResumed(context.NewEventId(), id, next, context.Now, current.Spec)],
            MarkApplicationRemoved when current.Orphaned => [],
            MarkApplicationRemoved => [new PolicyOrphaned(context.NewEventId(), id, next, context.Now, current.Spec.Application)],
            MarkApplicationSeen when !current.Orphaned => [],
            MarkApplicationSeen => [new PolicyAdopted(context.NewEventId(), id, next, context.Now, current.Spec.Application)],
            DeletePolicy => [new PolicyDeleted(context.NewEventId(), id, next, context.Now, current.Spec.Application)],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown policy command."),
        };
    }
}
