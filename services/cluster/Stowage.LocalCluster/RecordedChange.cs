namespace Stowage.LocalCluster;

/// <summary>One change the server stored, in order: what a test reads to see which object appeared or changed before which.</summary>
/// <param name="ResourceVersion">The change's place in the order.</param>
/// <param name="Type">ADDED, MODIFIED or DELETED.</param>
/// <param name="Kind">The object's kind, e.g. <c>Pod</c>.</param>
/// <param name="Namespace">Its namespace; null for cluster-scoped kinds.</param>
/// <param name="Name">Its name.</param>
/// <param name="Phase">Its <c>status.phase</c> after the change, when it has one.</param>
public sealed record RecordedChange(long ResourceVersion, string Type, string Kind, string? Namespace, string Name, string? Phase);
