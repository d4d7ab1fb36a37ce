namespace Stowage.Contracts.Discovery;

/// <summary>One Kubernetes resource of an application.</summary>
/// <param name="ApiVersion">e.g. <c>apps/v1</c>.</param>
/// <param name="Kind">e.g. <c>StatefulSet</c>.</param>
/// <param name="Namespace">Null for cluster-scoped resources such as PersistentVolumes.</param>
/// <param name="Name">The resource's name.</param>
public sealed record ResourceReference(string ApiVersion, string Kind, string? Namespace, string Name);
