using System.Text.Json.Nodes;
using Stowage.LocalCluster.Manifests;

namespace Stowage.LocalCluster;

/// <summary>Loading the manifests we ship (RBAC, NetworkPolicies), as <c>helm install --namespace</c> would apply them.</summary>
public sealed partial class FakeKubernetesApiServer
{
    /// <summary>
    /// Applies every object of a multi-document YAML manifest, namespaced ones without a namespace into
    /// <paramref name="releaseNamespace"/> (created when missing). <c>{{ .Release.Namespace }}</c> and
    /// <c>{{ $.Release.Namespace }}</c> become <paramref name="releaseNamespace"/>; any other template syntax is refused
    /// with an <see cref="ArgumentException"/> naming its line, before anything is applied. Returns the objects as stored.
    /// </summary>
    public Task<IReadOnlyList<JsonObject>> ApplyManifestsAsync(string yaml, string releaseNamespace)
    {
        var documents = YamlDocuments.Parse(ReleaseNamespaceTemplate.Render(yaml, releaseNamespace));
        foreach (var document in documents)
        {
            TypeOf((string?)document["apiVersion"] ?? "", (string?)document["kind"] ?? "");
        }
        return Task.FromResult<IReadOnlyList<JsonObject>>(documents.Select(document => Apply(document, releaseNamespace)).ToList());
    }
}
