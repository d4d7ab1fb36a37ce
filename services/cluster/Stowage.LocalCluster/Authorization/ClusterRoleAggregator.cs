using System.Text.Json.Nodes;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Authorization;

/// <summary>
/// The clusterrole-aggregation controller: a ClusterRole with an aggregationRule has as its rules the union of the
/// rules of every other ClusterRole its selectors match, rewritten into the stored object whenever any ClusterRole
/// changes (synchronously here, so a check right after a change sees it). Rules written by hand are overwritten, as
/// in a real cluster. Chains work (view's rules flow into edit, edit's into admin) because each rewrite is a change too.
/// </summary>
internal sealed class ClusterRoleAggregator(ObjectStore store)
{
    public void OnChange(StoreEvent change)
    {
        if (change.ResourceType != BuiltInResourceTypes.ClusterRoles)
        {
            return;
        }
        var roles = store.List(BuiltInResourceTypes.ClusterRoles, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        foreach (var aggregated in roles.Where(role => role["aggregationRule"] is JsonObject))
        {
            var rules = UnionFor(aggregated, roles);
            if (!JsonNode.DeepEquals(rules, aggregated["rules"] ?? new JsonArray()))
            {
                store.Update(BuiltInResourceTypes.ClusterRoles, null, ObjectMetadata.Name(aggregated)!, current =>
                {
                    current["rules"] = rules;
                    return current;
                }, checkVersion: false);
                return; // the update above raised this handler again with the roles as they are now
            }
        }
    }

    private static JsonArray UnionFor(JsonObject aggregated, IReadOnlyList<JsonObject> roles)
    {
        var name = ObjectMetadata.Name(aggregated);
        var union = new JsonArray();
        foreach (var selector in aggregated["aggregationRule"]?["clusterRoleSelectors"]?.AsArray() ?? [])
        {
            var matches = SelectorOf(selector as JsonObject);
            foreach (var role in roles.Where(role => ObjectMetadata.Name(role) != name && matches.Matches(ObjectMetadata.Labels(role))))
            {
                foreach (var rule in role["rules"]?.AsArray() ?? [])
                {
                    if (rule is not null && !union.Any(existing => JsonNode.DeepEquals(existing, rule)))
                    {
                        union.Add(rule.DeepClone());
                    }
                }
            }
        }
        return union;
    }

    /// <summary>A metav1.LabelSelector; an empty one matches every ClusterRole, as in the real controller.</summary>
    private static LabelSelector SelectorOf(JsonObject? selector)
    {
        var terms = new List<string>();
        foreach (var (key, value) in selector?["matchLabels"]?.AsObject() ?? [])
        {
            terms.Add($"{key}={value}");
        }
        foreach (var expression in selector?["matchExpressions"]?.AsArray() ?? [])
        {
            var key = (string)expression!["key"]!;
            var values = string.Join(",", (expression["values"]?.AsArray() ?? []).Select(value => (string)value!));
            terms.Add((string?)expression["operator"] switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key,
                "DoesNotExist" => "!" + key,
                var other => throw ApiException.BadRequest($"unsupported label selector operator {other}"),
            });
        }
        return LabelSelector.Parse(string.Join(",", terms));
    }
}
