using k8s.Models;

namespace Stowage.LocalCluster.Tests.Authorization;

/// <summary>RBAC objects as tests write them.</summary>
internal static class RbacObjects
{
    public static V1PolicyRule Rule(string group, string[] resources, string[] verbs, string[]? names = null) =>
        new() { ApiGroups = [group], Resources = resources, Verbs = verbs, ResourceNames = names };

    public static V1Role Role(string ns, string name, params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "Role",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Rules = rules,
    };

    public static V1ClusterRole ClusterRole(string name, IDictionary<string, string>? labels, params V1PolicyRule[] rules) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Rules = rules,
    };

    public static V1RoleBinding RoleBinding(string ns, string name, string roleKind, string role, params Rbacv1Subject[] subjects) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "RoleBinding",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = roleKind, Name = role },
        Subjects = subjects,
    };

    public static V1ClusterRoleBinding ClusterRoleBinding(string name, string role, params Rbacv1Subject[] subjects) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1", Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta { Name = name },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
        Subjects = subjects,
    };

    public static Rbacv1Subject User(string name) => new() { Kind = "User", ApiGroup = "rbac.authorization.k8s.io", Name = name };

    public static Rbacv1Subject Group(string name) => new() { Kind = "Group", ApiGroup = "rbac.authorization.k8s.io", Name = name };

    public static Rbacv1Subject ServiceAccount(string name, string? ns = null) => new() { Kind = "ServiceAccount", Name = name, NamespaceProperty = ns };
}
