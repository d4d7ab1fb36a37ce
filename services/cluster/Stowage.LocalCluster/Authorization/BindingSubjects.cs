using k8s.Models;
using Stowage.LocalCluster.Authentication;

namespace Stowage.LocalCluster.Authorization;

/// <summary>Whether a binding's subject names a user: by user name, by one of their groups, or as a service account.</summary>
internal static class BindingSubjects
{
    public static bool AppliesTo(Rbacv1Subject subject, UserInfo user, string bindingNamespace) => subject.Kind switch
    {
        "User" => subject.Name == user.Name,
        "Group" => user.Groups.Contains(subject.Name),
        // A RoleBinding's service account without a namespace is one of the binding's namespace.
        "ServiceAccount" => (string.IsNullOrEmpty(subject.NamespaceProperty) ? bindingNamespace : subject.NamespaceProperty) is { Length: > 0 } ns
            && UserInfo.ServiceAccountName(ns, subject.Name) == user.Name,
        _ => false,
    };

    /// <summary>The subject as RBAC's allow reasons name it: <c>User "alice"</c>, <c>ServiceAccount "mover/stowage"</c>.</summary>
    public static string Describe(Rbacv1Subject subject, string bindingNamespace) => subject.Kind == "ServiceAccount"
        ? $"{subject.Kind} \"{subject.Name}/{(string.IsNullOrEmpty(subject.NamespaceProperty) ? bindingNamespace : subject.NamespaceProperty)}\""
        : $"{subject.Kind} \"{subject.Name}\"";
}
