using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.Testing.Dapr;

/// <summary>Test users of the stand-in cluster, granted ClusterRoles per namespace by ordinary RoleBindings, as a platform team would.</summary>
public static class RoleBindings
{
    /// <summary>Binds <paramref name="user"/> to the ClusterRole <paramref name="role"/> in each namespace.</summary>
    public static Task GrantAsync(FakeKubernetesApiServer server, string user, string role, params string[] namespaces) =>
        BindAsync(server, user, new JsonObject { ["kind"] = "User", ["name"] = user, ["apiGroup"] = "rbac.authorization.k8s.io" }, role, namespaces);

    /// <summary>Binds the ServiceAccount <paramref name="accountNamespace"/>/<paramref name="account"/> to the ClusterRole <paramref name="role"/> in each namespace.</summary>
    public static Task GrantServiceAccountAsync(FakeKubernetesApiServer server, string accountNamespace, string account, string role, params string[] namespaces) =>
        BindAsync(server, account, new JsonObject { ["kind"] = "ServiceAccount", ["name"] = account, ["namespace"] = accountNamespace }, role, namespaces);

    private static async Task BindAsync(FakeKubernetesApiServer server, string subjectName, JsonObject subject, string role, string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            await server.ApplyAsync(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "RoleBinding",
                ["metadata"] = new JsonObject { ["name"] = $"{subjectName}-{role}", ["namespace"] = ns },
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
                ["subjects"] = new JsonArray(subject.DeepClone()),
            });
        }
    }

    /// <summary>A token for <paramref name="user"/>, bound to <paramref name="role"/> in each namespace.</summary>
    public static async Task<string> UserAsync(FakeKubernetesApiServer server, string user, string role, params string[] namespaces)
    {
        await GrantAsync(server, user, role, namespaces);
        return server.IssueToken(user);
    }
}
