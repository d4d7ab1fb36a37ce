using k8s.Models;
using Stowage.LocalCluster.Authorization;

namespace Stowage.LocalCluster.Tests.Authorization;

public sealed class PolicyRulesTests
{
    private static RequestAttributes Pods(string verb, string subresource = "", string name = "", string group = "") =>
        new(verb, true, group, "v1", "pods", subresource, "shop", name);

    private static V1PolicyRule Rule(string[] resources, string[] verbs, string[]? names = null, string group = "") =>
        new() { ApiGroups = [group], Resources = resources, Verbs = verbs, ResourceNames = names };

    [Fact]
    public void A_resource_does_not_grant_its_subresources_but_star_and_star_slash_subresource_do()
    {
        Assert.False(PolicyRules.Allows(Rule(["pods"], ["create"]), Pods("create", "exec")));
        Assert.True(PolicyRules.Allows(Rule(["pods/exec"], ["create"]), Pods("create", "exec")));
        Assert.False(PolicyRules.Allows(Rule(["pods/exec"], ["create"]), Pods("create")));
        Assert.True(PolicyRules.Allows(Rule(["*"], ["create"]), Pods("create", "exec")));
        Assert.True(PolicyRules.Allows(Rule(["*/exec"], ["create"]), Pods("create", "exec")));
        Assert.False(PolicyRules.Allows(Rule(["*/exec"], ["create"]), Pods("create", "log")));
    }

    [Fact]
    public void Verbs_and_groups_match_exactly_or_by_star()
    {
        Assert.False(PolicyRules.Allows(Rule(["pods"], ["get"]), Pods("list")));
        Assert.True(PolicyRules.Allows(Rule(["pods"], ["*"]), Pods("deletecollection")));
        Assert.False(PolicyRules.Allows(Rule(["pods"], ["get"], group: "apps"), Pods("get")));
        Assert.True(PolicyRules.Allows(Rule(["pods"], ["get"], group: "*"), Pods("get", group: "example.com")));
    }

    [Fact]
    public void Resource_names_limit_a_rule_to_those_objects_so_it_never_grants_list_or_create()
    {
        var rule = Rule(["pods"], ["get", "list", "create"], ["db-0"]);
        Assert.True(PolicyRules.Allows(rule, Pods("get", name: "db-0")));
        Assert.False(PolicyRules.Allows(rule, Pods("get", name: "db-1")));
        Assert.False(PolicyRules.Allows(rule, Pods("list")));
        Assert.False(PolicyRules.Allows(rule, Pods("create")));
    }

    [Fact]
    public void Non_resource_urls_match_exactly_or_by_trailing_star()
    {
        var rule = new V1PolicyRule { NonResourceURLs = ["/apis/*", "/version"], Verbs = ["get"] };
        Assert.True(PolicyRules.Allows(rule, new RequestAttributes("get", false, Path: "/apis/apps/v1")));
        Assert.True(PolicyRules.Allows(rule, new RequestAttributes("get", false, Path: "/version")));
        Assert.False(PolicyRules.Allows(rule, new RequestAttributes("get", false, Path: "/version/x")));
        Assert.False(PolicyRules.Allows(rule, new RequestAttributes("post", false, Path: "/version")));
        Assert.False(PolicyRules.Allows(Rule(["*"], ["*"]), new RequestAttributes("get", false, Path: "/version")));
    }
}
