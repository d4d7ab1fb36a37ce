using Stowage.Contracts.Policies;

namespace Stowage.Policy.Domain;

public abstract record PolicyCommand;

/// <param name="LivePolicyOfApplication">The application's live policy, if it has one (filled in by the handler from the index).</param>
public sealed record CreatePolicy(string PolicyId, PolicySpec Spec, bool Paused, string? FromSuggestion = null, string? LivePolicyOfApplication = null) : PolicyCommand;

public sealed record ReplacePolicySpec(PolicySpec Spec) : PolicyCommand;

public sealed record PausePolicy(string? Reason) : PolicyCommand;

public sealed record ResumePolicy : PolicyCommand;

public sealed record MarkApplicationRemoved : PolicyCommand;

public sealed record MarkApplicationSeen : PolicyCommand;

public sealed record DeletePolicy : PolicyCommand;

/// <summary>What a decision may depend on besides state and command, passed in so decisions stay pure.</summary>
public sealed record DecisionContext(DateTimeOffset Now, Func<Guid> NewEventId);
