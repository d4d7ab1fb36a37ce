namespace Stowage.Contracts.Discovery;

/// <summary>The catalog kind an application was recognised as.</summary>
/// <param name="Name">Catalog name, e.g. <c>postgresql</c>; <c>generic-stateful</c> when nothing more specific matched.</param>
/// <param name="DisplayName">Human name, e.g. <c>PostgreSQL</c>.</param>
/// <param name="IsGeneric">True when only the generic stateful defaults apply.</param>
/// <param name="Evidence">What matched, e.g. <c>image:postgresql</c>, <c>label:app.kubernetes.io/name=minio</c>.</param>
public sealed record ApplicationKind(string Name, string DisplayName, bool IsGeneric, IReadOnlyList<string> Evidence);
