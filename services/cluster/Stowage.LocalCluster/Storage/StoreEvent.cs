using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Storage;

/// <summary>One change in the store, as watches replay it; <paramref name="Previous"/> lets selector watches see objects leave.</summary>
internal sealed record StoreEvent(long ResourceVersion, string Type, FakeResourceType ResourceType, JsonObject Object, JsonObject? Previous)
{
    public string? Namespace => (string?)Object["metadata"]?["namespace"];
}
