using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Stowage.LocalCluster.Authentication;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Authorization;

/// <summary>
/// The apiserver's authorizer chain as kubeadm configures it, less the Node authorizer: members of system:masters may
/// do anything, then RBAC (plugin/pkg/auth/authorizer/rbac) reads the stored Roles, ClusterRoles and their bindings
/// at every check. RBAC only allows; what no rule grants is denied, with the missing roles it met as the reason.
/// </summary>
internal sealed class RbacAuthorizer(ObjectStore store)
{
    public AuthorizationDecision Authorize(UserInfo user, RequestAttributes request)
    {
        if (user.Groups.Contains(UserInfo.Masters))
        {
            return new AuthorizationDecision(true, "");
        }
        var errors = new List<string>();
        foreach (var binding in All<V1ClusterRoleBinding>(BuiltInResourceTypes.ClusterRoleBindings, null))
        {
            if (Allows(user, request, binding.Subjects, "", binding.RoleRef, errors) is { } subject)
            {
                return Allowed($"ClusterRoleBinding \"{binding.Metadata.Name}\"", binding.RoleRef, BindingSubjects.Describe(subject, ""));
            }
        }
        if (request.Namespace.Length > 0)
        {
            foreach (var binding in All<V1RoleBinding>(BuiltInResourceTypes.RoleBindings, request.Namespace))
            {
                if (Allows(user, request, binding.Subjects, request.Namespace, binding.RoleRef, errors) is { } subject)
                {
                    return Allowed($"RoleBinding \"{binding.Metadata.Name}/{request.Namespace}\"", binding.RoleRef,
                        BindingSubjects.Describe(subject, request.Namespace));
                }
            }
        }
        return new AuthorizationDecision(false, errors.Count switch
        {
            0 => "",
            1 => $"RBAC: {errors[0]}",
            _ => $"RBAC: [{string.Join(", ", errors)}]",
        });
    }

    private static AuthorizationDecision Allowed(string binding, V1RoleRef role, string subject) =>
        new(true, $"RBAC: allowed by {binding} of {role.Kind} \"{role.Name}\" to {subject}");

    /// <summary>The subject through which the binding grants the request, or null.</summary>
    private Rbacv1Subject? Allows(UserInfo user, RequestAttributes request, IList<Rbacv1Subject>? subjects, string ns, V1RoleRef role, List<string> errors)
    {
        var subject = (subjects ?? []).FirstOrDefault(candidate => BindingSubjects.AppliesTo(candidate, user, ns));
        if (subject is null)
        {
            return null;
        }
        var rules = RulesOf(role, ns);
        if (rules is null)
        {
            errors.Add($"{role.Kind.ToLowerInvariant()}.rbac.authorization.k8s.io \"{role.Name}\" not found");
            return null;
        }
        return rules.Any(rule => PolicyRules.Allows(rule, request)) ? subject : null;
    }

    /// <summary>A RoleBinding's ClusterRole grants its rules in the binding's namespace only, because only that namespace's bindings are read.</summary>
    private IList<V1PolicyRule>? RulesOf(V1RoleRef role, string ns)
    {
        JsonObject? stored = role.Kind switch
        {
            "ClusterRole" => store.Get(BuiltInResourceTypes.ClusterRoles, null, role.Name),
            "Role" when ns.Length > 0 => store.Get(BuiltInResourceTypes.Roles, ns, role.Name),
            _ => null,
        };
        return stored is null ? null : KubernetesJson.Deserialize<V1ClusterRole>(stored.ToJsonString()).Rules ?? [];
    }

    private IEnumerable<T> All<T>(FakeResourceType type, string? ns) =>
        store.List(type, ns, LabelSelector.Everything, FieldSelector.Everything).Items.Select(item => KubernetesJson.Deserialize<T>(item.ToJsonString()));
}
