namespace Stowage.Contracts.Discovery;

/// <summary>A pod of an application.</summary>
/// <param name="Name">The pod's name.</param>
/// <param name="NodeName">The node it runs on, if scheduled.</param>
/// <param name="Containers">Its container names.</param>
/// <param name="IsMember">Whether its volumes are copied (see <see cref="MemberSelection"/>).</param>
public sealed record ApplicationPod(string Name, string? NodeName, IReadOnlyList<string> Containers, bool IsMember);
