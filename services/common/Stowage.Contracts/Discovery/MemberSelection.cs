namespace Stowage.Contracts.Discovery;

/// <summary>Which pods of a ring or replicated system have their volumes copied.</summary>
/// <param name="Strategy"><c>all</c>, <c>onePerLabelValue</c> (e.g. one per Cassandra rack) or <c>matchLabels</c> (e.g. the PostgreSQL primary).</param>
/// <param name="Label">For <c>onePerLabelValue</c>: the label whose values form the groups.</param>
/// <param name="SelectedPods">The pods chosen now, sorted.</param>
public sealed record MemberSelection(string Strategy, string? Label, IReadOnlyList<string> SelectedPods);
