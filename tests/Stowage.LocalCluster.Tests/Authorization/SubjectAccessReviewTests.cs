using k8s;
using k8s.Models;
using static Stowage.LocalCluster.Tests.Authorization.RbacObjects;

namespace Stowage.LocalCluster.Tests.Authorization;

/// <summary>RBAC as SubjectAccessReview reports it, through KubernetesClient's AuthorizationV1; each test uses its own namespaces and users.</summary>
public sealed class SubjectAccessReviewTests() : ApiServerTest("shop")
{
    private async Task<V1SubjectAccessReviewStatus> ReviewAsync(string user, string verb, string resource, string ns = "", string name = "",
        string group = "", string subresource = "", params string[] groups)
    {
        var review = await Client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user, Groups = groups,
                ResourceAttributes = new V1ResourceAttributes
                {
                    Verb = verb, Group = group, Resource = resource, Subresource = subresource, NamespaceProperty = ns, Name = name,
                },
            },
        });
        Assert.Equal(("SubjectAccessReview", "authorization.k8s.io/v1"), (review.Kind, review.ApiVersion));
        return review.Status;
    }

    private async Task<bool> AllowedAsync(string user, string verb, string resource, string ns = "", string name = "", string group = "",
        string subresource = "", params string[] groups) =>
        (await ReviewAsync(user, verb, resource, ns, name, group, subresource, groups)).Allowed;

    [Fact]
    public async Task Nobody_may_do_anything_until_bound_except_system_masters()
    {
        Assert.False(await AllowedAsync("alice", "get", "pods", "shop"));
        Assert.True(await AllowedAsync("anyone", "delete", "nodes", groups: "system:masters"));
        Assert.True(await AllowedAsync("anyone", "create", "selfsubjectaccessreviews", group: "authorization.k8s.io", groups: "system:authenticated"));
        Assert.False(await AllowedAsync("anyone", "create", "tokenreviews", group: "authentication.k8s.io", groups: "system:authenticated"));
    }

    [Fact]
    public async Task A_role_binding_grants_its_role_in_its_namespace_and_says_which_binding_allowed_it()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "pod-reader", Rule("", ["pods"], ["get", "list"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "bob-reads", "Role", "pod-reader", User("bob")), "shop");

        var allowed = await ReviewAsync("bob", "list", "pods", "shop");
        Assert.True(allowed.Allowed);
        Assert.Equal("RBAC: allowed by RoleBinding \"bob-reads/shop\" of Role \"pod-reader\" to User \"bob\"", allowed.Reason);
        Assert.False(await AllowedAsync("bob", "delete", "pods", "shop", "db-0"));
        Assert.False(await AllowedAsync("bob", "list", "pods", "other"));
        Assert.False(await AllowedAsync("bob", "list", "pods"));
        Assert.False(await AllowedAsync("carol", "list", "pods", "shop"));
    }

    [Fact]
    public async Task A_role_binding_to_a_cluster_role_grants_it_in_the_binding_namespace_only()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } });
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("team-a", "dana-views", "ClusterRole", "view", User("dana")), "team-a");

        Assert.True(await AllowedAsync("dana", "get", "statefulsets", "team-a", "db", group: "apps"));
        Assert.True(await AllowedAsync("dana", "get", "pods", "team-a", "db-0", subresource: "log"));
        Assert.False(await AllowedAsync("dana", "get", "secrets", "team-a", "creds"));
        Assert.False(await AllowedAsync("dana", "get", "statefulsets", "team-b", "db", group: "apps"));
        Assert.False(await AllowedAsync("dana", "list", "statefulsets", group: "apps"));
    }

    [Fact]
    public async Task A_cluster_role_binding_grants_in_every_namespace_and_at_cluster_scope()
    {
        await Client.RbacAuthorizationV1.CreateClusterRoleAsync(ClusterRole("node-reader", null, Rule("", ["nodes", "pods"], ["list"])));
        await Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(ClusterRoleBinding("ops-read-nodes", "node-reader", Group("ops")));

        Assert.True(await AllowedAsync("erin", "list", "nodes", groups: "ops"));
        Assert.True(await AllowedAsync("erin", "list", "pods", "anywhere", groups: "ops"));
        var status = await ReviewAsync("erin", "list", "pods", "anywhere", groups: "ops");
        Assert.Equal("RBAC: allowed by ClusterRoleBinding \"ops-read-nodes\" of ClusterRole \"node-reader\" to Group \"ops\"", status.Reason);
        Assert.False(await AllowedAsync("erin", "list", "nodes"));
    }

    [Fact]
    public async Task Aggregated_roles_take_the_rules_of_every_labelled_cluster_role_while_it_exists()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "frank-views", "ClusterRole", "view", User("frank")), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "gina-admin", "ClusterRole", "admin", User("gina")), "shop");
        Assert.False(await AllowedAsync("frank", "list", "backuppolicies", "shop", group: "stowage.io"));

        await Client.RbacAuthorizationV1.CreateClusterRoleAsync(ClusterRole("stowage-view",
            new Dictionary<string, string> { ["rbac.authorization.k8s.io/aggregate-to-view"] = "true" },
            Rule("stowage.io", ["backuppolicies"], ["get", "list", "watch"])));

        Assert.True(await AllowedAsync("frank", "list", "backuppolicies", "shop", group: "stowage.io"));
        Assert.False(await AllowedAsync("frank", "list", "backuppolicies", "elsewhere", group: "stowage.io"));
        // view is part of edit and edit of admin, so the rule reaches admin too, and admin's stored rules show it.
        Assert.True(await AllowedAsync("gina", "watch", "backuppolicies", "shop", group: "stowage.io"));
        var admin = await Client.RbacAuthorizationV1.ReadClusterRoleAsync("admin");
        Assert.Contains(admin.Rules, rule => rule.ApiGroups.SequenceEqual(["stowage.io"]) && rule.Resources.SequenceEqual(["backuppolicies"]));
        Assert.Contains(admin.Rules, rule => rule.Resources.Contains("rolebindings"));
        Assert.Contains(admin.Rules, rule => rule.Resources.Contains("pods/exec") && rule.Verbs.Contains("create"));

        await Client.RbacAuthorizationV1.DeleteClusterRoleAsync("stowage-view");
        Assert.False(await AllowedAsync("frank", "list", "backuppolicies", "shop", group: "stowage.io"));
        Assert.False(await AllowedAsync("gina", "watch", "backuppolicies", "shop", group: "stowage.io"));
    }

    [Fact]
    public async Task Subresources_are_granted_by_name_and_not_by_their_resource()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "log-reader", Rule("", ["pods/log"], ["get"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "hank-logs", "Role", "log-reader", User("hank")), "shop");

        Assert.True(await AllowedAsync("hank", "get", "pods", "shop", "db-0", subresource: "log"));
        Assert.False(await AllowedAsync("hank", "get", "pods", "shop", "db-0"));
        Assert.False(await AllowedAsync("hank", "create", "pods", "shop", "db-0", subresource: "exec"));
    }

    [Fact]
    public async Task Resource_names_grant_the_named_objects_only()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(
            Role("shop", "one-secret", Rule("", ["secrets"], ["get", "list"], ["stowage-keys"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "ivy-secret", "Role", "one-secret", User("ivy")), "shop");

        Assert.True(await AllowedAsync("ivy", "get", "secrets", "shop", "stowage-keys"));
        Assert.False(await AllowedAsync("ivy", "get", "secrets", "shop", "other"));
        Assert.False(await AllowedAsync("ivy", "list", "secrets", "shop"));
    }

    [Fact]
    public async Task Service_account_subjects_match_their_user_name_and_groups_match_service_accounts_of_a_namespace()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "exec", Rule("", ["pods/exec"], ["get", "create"])), "shop");
        // No namespace on the subject: the binding's own.
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "mover-exec", "Role", "exec", ServiceAccount("stowage-mover")), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            RoleBinding("shop", "robots-exec", "Role", "exec", Group("system:serviceaccounts:robots")), "shop");

        var status = await ReviewAsync("system:serviceaccount:shop:stowage-mover", "create", "pods", "shop", "db-0", subresource: "exec");
        Assert.Equal("RBAC: allowed by RoleBinding \"mover-exec/shop\" of Role \"exec\" to ServiceAccount \"stowage-mover/shop\"", status.Reason);
        Assert.False(await AllowedAsync("system:serviceaccount:stowage:stowage-mover", "create", "pods", "shop", "db-0", subresource: "exec"));
        Assert.True(await AllowedAsync("system:serviceaccount:robots:r2", "create", "pods", "shop", "db-0", subresource: "exec",
            groups: ["system:serviceaccounts", "system:serviceaccounts:robots"]));
    }

    [Fact]
    public async Task A_binding_to_a_missing_role_denies_and_names_the_role()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "dangling", "Role", "not-there", User("jo")), "shop");

        var status = await ReviewAsync("jo", "get", "pods", "shop", "db-0");
        Assert.False(status.Allowed);
        Assert.Equal("RBAC: role.rbac.authorization.k8s.io \"not-there\" not found", status.Reason);
    }

    [Fact]
    public async Task A_review_needs_a_user_or_a_group()
    {
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => Client.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview { Spec = new V1SubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "pods" } } }));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
    }

    [Fact]
    public async Task Self_and_local_reviews_answer_for_the_caller_and_for_one_namespace()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "cm-reader", Rule("", ["configmaps"], ["get"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "kim-cm", "Role", "cm-reader", User("kim")), "shop");
        using var kim = Server.CreateClient(Server.IssueToken("kim"));

        var self = await kim.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "configmaps", NamespaceProperty = "shop" } },
        });
        Assert.True(self.Status.Allowed);
        var selfElsewhere = await kim.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "configmaps", NamespaceProperty = "other" } },
        });
        Assert.False(selfElsewhere.Status.Allowed);

        var local = await Client.AuthorizationV1.CreateNamespacedLocalSubjectAccessReviewAsync(new V1LocalSubjectAccessReview
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "shop" },
            Spec = new V1SubjectAccessReviewSpec { User = "kim", ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "configmaps", NamespaceProperty = "shop" } },
        }, "shop");
        Assert.True(local.Status.Allowed);
    }
}
