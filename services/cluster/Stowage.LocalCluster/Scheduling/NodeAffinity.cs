using System.Globalization;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Scheduling;

/// <summary>
/// Whether a pod may run on a node: <c>spec.nodeSelector</c>, required node affinity (terms ORed, expressions within a
/// term ANDed; <c>matchExpressions</c> on labels, <c>matchFields</c> on <c>metadata.name</c>), and NoSchedule/NoExecute taints it does not tolerate.
/// </summary>
internal static class NodeAffinity
{
    public static bool SelectorMatches(JsonObject pod, JsonObject node)
    {
        var labels = ObjectMetadata.Labels(node);
        var selector = pod["spec"]?["nodeSelector"] as JsonObject ?? [];
        if (!selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == (string?)pair.Value))
        {
            return false;
        }
        var terms = pod["spec"]?["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"] as JsonArray;
        if (terms is null || terms.Count == 0)
        {
            return true;
        }
        var fields = new Dictionary<string, string> { ["metadata.name"] = ObjectMetadata.Name(node) ?? "" };
        return terms.OfType<JsonObject>().Any(term =>
            (term["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().All(e => Matches(e, labels))
            && (term["matchFields"] as JsonArray ?? []).OfType<JsonObject>().All(e => Matches(e, fields))
            && (term["matchExpressions"] is JsonArray { Count: > 0 } || term["matchFields"] is JsonArray { Count: > 0 }));
    }

    /// <summary>The first NoSchedule or NoExecute taint of the node the pod does not tolerate, or null.</summary>
    public static JsonObject? UntoleratedTaint(JsonObject pod, JsonObject node)
    {
        var tolerations = pod["spec"]?["tolerations"] as JsonArray ?? [];
        return (node["spec"]?["taints"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(taint => (string?)taint["effect"] is "NoSchedule" or "NoExecute")
            .FirstOrDefault(taint => !tolerations.OfType<JsonObject>().Any(toleration => Tolerates(toleration, taint)));
    }

    private static bool Tolerates(JsonObject toleration, JsonObject taint)
    {
        var effect = (string?)toleration["effect"];
        if (!string.IsNullOrEmpty(effect) && effect != (string?)taint["effect"])
        {
            return false;
        }
        var key = (string?)toleration["key"];
        return (string?)toleration["operator"] == "Exists"
            ? string.IsNullOrEmpty(key) || key == (string?)taint["key"]
            : key == (string?)taint["key"] && (string?)toleration["value"] == (string?)taint["value"];
    }

    private static bool Matches(JsonObject expression, IReadOnlyDictionary<string, string> values)
    {
        var key = (string?)expression["key"] ?? "";
        var given = (expression["values"] as JsonArray ?? []).Select(v => (string?)v).ToList();
        var present = values.TryGetValue(key, out var value);
        return (string?)expression["operator"] switch
        {
            "In" => present && given.Contains(value),
            "NotIn" => !present || !given.Contains(value),
            "Exists" => present,
            "DoesNotExist" => !present,
            "Gt" => present && Compare(value!, given) > 0,
            "Lt" => present && Compare(value!, given) < 0,
            var other => throw ApiException.BadRequest($"\"{other}\" is not a valid node selector operator"),
        };
    }

    private static int Compare(string value, IReadOnlyList<string?> given) =>
        long.TryParse(value, CultureInfo.InvariantCulture, out var left) && given.Count == 1 && long.TryParse(given[0], CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : 0;
}
