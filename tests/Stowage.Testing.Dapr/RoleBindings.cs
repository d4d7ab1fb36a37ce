using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.Testing.Dapr;

/// <summary>Test users of the stand-in cluster, granted ClusterRoles per namespace by ordinary RoleBindings, as a platform team would.</summary>
public static class RoleBindings
{
    /// <summary>Binds <paramref name="user"/> to the ClusterRole <paramref name="role"/> in each namespace.</summary>
    public static async Task GrantAsync(FakeKubernetesApiServer server, string user, string role, params string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            await server.ApplyAsync(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "RoleBinding",
                ["metadata"] = new JsonObject { ["name"] = $"{user}-{role}", ["namespace"] = ns },
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = user, ["apiGroup"] = "rbac.authorization.k8s.io" }),
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
