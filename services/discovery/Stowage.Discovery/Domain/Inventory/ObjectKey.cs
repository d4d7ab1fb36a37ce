namespace Stowage.Discovery.Domain.Inventory;

/// <summary>Identifies one watched object; <see cref="Namespace"/> is empty for cluster-scoped kinds.</summary>
internal sealed record ObjectKey(ObjectKind Kind, string Namespace, string Name);
