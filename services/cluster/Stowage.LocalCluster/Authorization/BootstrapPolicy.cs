using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Authorization;

/// <summary>
/// The ClusterRoles and ClusterRoleBindings an apiserver creates at start (plugin/pkg/auth/authorizer/rbac/bootstrappolicy),
/// with the real names, labels and aggregation. The system:aggregate-to-* roles hold an honest subset of the real rules:
/// the kinds this server serves, with the real verbs (view never reads Secrets; edit may exec; admin may grant Roles).
/// </summary>
internal static class BootstrapPolicy
{
    private const string AggregateTo = "rbac.authorization.k8s.io/aggregate-to-";
    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "delete", "deletecollection", "patch", "update"];

    public static IEnumerable<JsonObject> ClusterRoles() =>
    [
        Role("cluster-admin", [Rule(["*"], ["*"], ["*"]), NonResource(["*"], ["*"])]),
        Aggregating("admin", "admin", AggregateTo + "admin"),
        Aggregating("edit", "edit", AggregateTo + "admin"),
        Aggregating("view", "view", AggregateTo + "edit"),
        Role("system:aggregate-to-admin", [
            Rule([""], ["namespaces"], Read),
            Rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
            Rule(["rbac.authorization.k8s.io"], ["roles", "rolebindings"], [.. Read, .. Write]),
        ], AggregateTo + "admin"),
        Role("system:aggregate-to-edit", [
            Rule([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], Read),
            Rule([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], Write),
            Rule([""], ["pods/eviction", "serviceaccounts/token"], ["create"]),
            Rule([""], ["configmaps", "events", "persistentvolumeclaims", "secrets", "serviceaccounts", "services", "services/proxy"], Write),
            Rule(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], Write),
            Rule(["batch"], ["cronjobs", "jobs"], Write),
            Rule(["networking.k8s.io"], ["ingresses"], Write),
            Rule(["policy"], ["poddisruptionbudgets"], Write),
        ], AggregateTo + "edit"),
        Role("system:aggregate-to-view", [
            Rule([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "serviceaccounts", "services", "services/status"], Read),
            Rule([""], ["events", "pods/log", "pods/status"], Read),
            Rule([""], ["namespaces", "namespaces/status"], Read),
            Rule(["apps"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], Read),
            Rule(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], Read),
            Rule(["networking.k8s.io"], ["ingresses", "ingresses/status"], Read),
            Rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], Read),
        ], AggregateTo + "view"),
        Role("system:basic-user", [
            Rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]),
            Rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"]),
        ]),
        Role("system:discovery", [NonResource(["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"], ["get"])]),
        Role("system:public-info-viewer", [NonResource(["/healthz", "/livez", "/readyz", "/version", "/version/"], ["get"])]),
        Role("system:auth-delegator", [
            Rule(["authentication.k8s.io"], ["tokenreviews"], ["create"]),
            Rule(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
        ]),
    ];

    public static IEnumerable<JsonObject> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", "system:masters"),
        Binding("system:basic-user", "system:authenticated"),
        Binding("system:discovery", "system:authenticated"),
        Binding("system:public-info-viewer", "system:authenticated", "system:unauthenticated"),
    ];

    private static JsonObject Role(string name, JsonObject[] rules, string? aggregatedInto = null) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = Metadata(name, aggregatedInto),
        ["rules"] = new JsonArray(rules),
    };

    /// <summary>admin, edit and view: rules from every ClusterRole labelled aggregate-to-{name}; edit is itself part of admin, view of edit.</summary>
    private static JsonObject Aggregating(string name, string selects, string aggregatedInto)
    {
        var role = Role(name, [], name == "admin" ? null : aggregatedInto);
        role["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [AggregateTo + selects] = "true" } }),
        };
        return role;
    }

    private static JsonObject Binding(string role, params string[] groups) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = Metadata(role, null),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
        ["subjects"] = new JsonArray(groups.Select(group => (JsonNode)new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Group", ["name"] = group,
        }).ToArray()),
    };

    private static JsonObject Metadata(string name, string? aggregatedInto)
    {
        var labels = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        if (aggregatedInto is not null)
        {
            labels[aggregatedInto] = "true";
        }
        return new JsonObject
        {
            ["name"] = name,
            ["labels"] = labels,
            ["annotations"] = new JsonObject { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        };
    }

    private static JsonObject Rule(string[] groups, string[] resources, string[] verbs) => new()
    {
        ["apiGroups"] = new JsonArray(groups.Select(group => (JsonNode)group).ToArray()),
        ["resources"] = new JsonArray(resources.Select(resource => (JsonNode)resource).ToArray()),
        ["verbs"] = new JsonArray(verbs.Select(verb => (JsonNode)verb).ToArray()),
    };

    private static JsonObject NonResource(string[] urls, string[] verbs) => new()
    {
        ["nonResourceURLs"] = new JsonArray(urls.Select(url => (JsonNode)url).ToArray()),
        ["verbs"] = new JsonArray(verbs.Select(verb => (JsonNode)verb).ToArray()),
    };
}
