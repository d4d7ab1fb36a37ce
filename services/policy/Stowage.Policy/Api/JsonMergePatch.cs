using System.Text.Json;
using System.Text.Json.Nodes;
using Stowage.Common.EventSourcing;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Api;

/// <summary>RFC 7386 JSON merge patch of a policy spec: objects merge, null removes, anything else replaces.</summary>
internal static class JsonMergePatch
{
    public static PolicySpec Apply(PolicySpec spec, JsonObject patch)
    {
        var document = JsonSerializer.SerializeToNode(spec, EventJson.Options)!.AsObject();
        Merge(document, patch);
        return document.Deserialize<PolicySpec>(EventJson.Options)
            ?? throw new BadHttpRequestException("The patch removes the whole spec.");
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null) target.Remove(name);
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject) Merge(targetObject, patchObject);
            else target[name] = value.DeepClone();
        }
    }
}
