using System.Text.Json.Nodes;
using k8s;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster;

/// <summary>Test hooks that read and change objects directly, with the same events a watch would see.</summary>
public sealed partial class FakeKubernetesApiServer
{
    /// <summary>
    /// Creates or replaces an object, given as a KubernetesClient model, a <see cref="JsonObject"/> or a JSON string;
    /// creates its namespace when missing. Returns the object as stored.
    /// </summary>
    public Task<JsonObject> ApplyAsync(object kubernetesObject) => Task.FromResult(Apply(ToJsonObject(kubernetesObject)));

    /// <summary>Applies every object of a JSON document that holds one object, a <c>List</c> (as <c>kubectl get -o json</c> writes) or an array.</summary>
    public Task<IReadOnlyList<JsonObject>> ApplyManyAsync(string json)
    {
        var document = JsonNode.Parse(json) ?? throw new ArgumentException("The document is empty.", nameof(json));
        var objects = document switch
        {
            JsonArray array => array.Select(item => item!.AsObject()),
            JsonObject { } list when list["items"] is JsonArray items => items.Select(item => item!.AsObject()),
            JsonObject single => [single],
            _ => throw new ArgumentException("Expected a JSON object or array.", nameof(json)),
        };
        return Task.FromResult<IReadOnlyList<JsonObject>>(objects.ToList().Select(obj => Apply(obj.DeepClone().AsObject())).ToList());
    }

    /// <summary>Deletes an object; returns false when it did not exist.</summary>
    public Task<bool> DeleteAsync(string apiVersion, string kind, string? ns, string name)
    {
        try
        {
            store.Delete(TypeOf(apiVersion, kind), ns, name);
            return Task.FromResult(true);
        }
        catch (ApiException error) when (error.Code == 404)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Deletes the object with the same apiVersion, kind, namespace and name as <paramref name="kubernetesObject"/>.</summary>
    public Task<bool> DeleteAsync(object kubernetesObject)
    {
        var obj = ToJsonObject(kubernetesObject);
        return DeleteAsync((string)obj["apiVersion"]!, (string)obj["kind"]!, (string?)obj["metadata"]?["namespace"], ObjectMetadata.Name(obj)!);
    }

    /// <summary>The stored object, or null.</summary>
    public JsonObject? Get(string apiVersion, string kind, string? ns, string name) => store.Get(TypeOf(apiVersion, kind), ns, name);

    /// <summary>The stored objects of a kind, in one namespace or all.</summary>
    public IReadOnlyList<JsonObject> List(string apiVersion, string kind, string? ns = null) =>
        store.List(TypeOf(apiVersion, kind), ns, LabelSelector.Everything, FieldSelector.Everything).Items;

    private JsonObject Apply(JsonObject obj, string defaultNamespace = "default")
    {
        var apiVersion = (string?)obj["apiVersion"] ?? throw new ArgumentException("The object has no apiVersion.");
        var kind = (string?)obj["kind"] ?? throw new ArgumentException("The object has no kind.");
        var type = TypeOf(apiVersion, kind);
        var ns = type.Namespaced ? (string?)obj["metadata"]?["namespace"] ?? defaultNamespace : null;
        if (ns is not null && store.Get(BuiltInResourceTypes.Namespaces, null, ns) is null)
        {
            store.Create(BuiltInResourceTypes.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
        var name = ObjectMetadata.Name(obj);
        return name is not null && store.Get(type, ns, name) is not null
            ? store.Update(type, ns, name, _ => obj, checkVersion: false)
            : store.Create(type, ns, obj);
    }

    private FakeResourceType TypeOf(string apiVersion, string kind) =>
        registry.FindByKind(apiVersion, kind) ?? throw new ArgumentException($"The server does not serve {kind} in {apiVersion}.");

    private static JsonObject ToJsonObject(object kubernetesObject) => kubernetesObject switch
    {
        JsonObject json => json.DeepClone().AsObject(),
        string json => JsonNode.Parse(json)!.AsObject(),
        _ => JsonNode.Parse(KubernetesJson.Serialize(kubernetesObject))!.AsObject(),
    };
}
