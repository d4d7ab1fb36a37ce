using YamlDotNet.RepresentationModel;

namespace Stowage.Deployment.Tests;

/// <summary>
/// The chart's RBAC (deploy/helm/stowage/templates/rbac.yaml) is least privilege: no rule names "*", and each service's
/// ServiceAccount (the chart makes one per entry of values.yaml's services) is bound to roles the file defines.
/// </summary>
public sealed class ShippedRbacTests
{
    private const string ReleaseNamespace = "{{ .Release.Namespace }}";

    private static readonly List<YamlMappingNode> Objects = Load("deploy/helm/stowage/templates/rbac.yaml");

    [Fact]
    public void No_rule_has_a_wildcard_in_api_groups_resources_or_verbs()
    {
        var roles = Objects.Where(o => Text(o, "kind") is "ClusterRole" or "Role").ToList();
        Assert.NotEmpty(roles);
        foreach (var role in roles)
        {
            var rules = Sequence(role, "rules").Cast<YamlMappingNode>().ToList();
            Assert.NotEmpty(rules);
            foreach (var rule in rules)
            {
                foreach (var field in new[] { "apiGroups", "resources", "verbs" })
                {
                    var values = Sequence(rule, field).Select(v => ((YamlScalarNode)v).Value!).ToList();
                    Assert.NotEmpty(values);
                    Assert.False(values.Any(v => v.Contains('*')), $"{Name(role)}: {field} [{string.Join(", ", values)}] has a wildcard");
                }
            }
        }
    }

    [Fact]
    public void Every_service_account_is_bound_to_roles_the_file_defines()
    {
        var roles = Objects.Where(o => Text(o, "kind") is "ClusterRole" or "Role").Select(o => (Text(o, "kind"), Name(o))).ToHashSet();
        var bindings = Objects.Where(o => Text(o, "kind") is "ClusterRoleBinding" or "RoleBinding").ToList();
        foreach (var binding in bindings)
        {
            var roleRef = (YamlMappingNode)binding["roleRef"];
            Assert.True(roles.Contains((Text(roleRef, "kind"), Text(roleRef, "name"))), $"{Name(binding)} binds {Text(roleRef, "kind")} {Text(roleRef, "name")}, which rbac.yaml does not define");
        }
        var bound = bindings.SelectMany(b => Sequence(b, "subjects").Cast<YamlMappingNode>())
            .Where(s => Text(s, "kind") == "ServiceAccount" && Text(s, "namespace") == ReleaseNamespace)
            .Select(s => Text(s, "name")).ToHashSet();
        var accounts = Sequence(Load("deploy/helm/stowage/values.yaml")[0], "services").Cast<YamlMappingNode>().Select(s => $"stowage-{Text(s, "name")}").ToList();
        Assert.Equal(6, accounts.Count);
        foreach (var account in accounts) Assert.True(bound.Contains(account), $"{account} is bound to no role");
    }

    [Fact]
    public void A_service_role_is_bound_to_that_services_account_only()
    {
        var accounts = Sequence(Load("deploy/helm/stowage/values.yaml")[0], "services").Cast<YamlMappingNode>().Select(s => $"stowage-{Text(s, "name")}").ToHashSet();
        var serviceRoles = Objects.Where(o => Text(o, "kind") == "ClusterRole" && accounts.Contains(Name(o))).Select(Name).ToList();
        Assert.NotEmpty(serviceRoles);
        foreach (var role in serviceRoles)
        {
            var subjects = Objects.Where(o => Text(o, "kind") == "ClusterRoleBinding" && Text((YamlMappingNode)o["roleRef"], "name") == role)
                .SelectMany(b => Sequence(b, "subjects").Cast<YamlMappingNode>()).Select(s => Text(s, "name")).ToList();
            Assert.Equal([role], subjects);
        }
    }

    private static List<YamlMappingNode> Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, relativePath))));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlSequenceNode)value).Children : [];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static string Name(YamlMappingNode node) => Text((YamlMappingNode)node["metadata"], "name");
}
