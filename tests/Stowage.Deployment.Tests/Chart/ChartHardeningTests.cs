using Stowage.Contracts;
using YamlDotNet.RepresentationModel;
using static Stowage.Deployment.Tests.Chart.RenderedChart;

namespace Stowage.Deployment.Tests.Chart;

/// <summary>Every pod of the chart runs unprivileged on a read-only root, and its network and Dapr access are allow-lists (#14).</summary>
public sealed class ChartHardeningTests
{
    private static readonly string[] AppIds = [Stowage.Contracts.AppIds.Policy, Stowage.Contracts.AppIds.Discovery, Stowage.Contracts.AppIds.Scheduler,
        Stowage.Contracts.AppIds.Mover, Stowage.Contracts.AppIds.Restore, Stowage.Contracts.AppIds.Console];

    private static readonly RenderedChart Chart = new();

    private static YamlMappingNode PodSpec(YamlMappingNode deployment) => (YamlMappingNode)At(deployment, "spec", "template", "spec")!;

    [Fact]
    public void Every_deployment_runs_as_the_chiseled_app_user_without_privileges_on_a_read_only_root_with_a_writable_tmp()
    {
        var deployments = Chart.OfKind("Deployment").ToList();
        Assert.Equal(AppIds.Order(), deployments.Select(d => Text(d, "metadata", "name")).Order());
        foreach (var pod in deployments.Select(PodSpec))
        {
            Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
            Assert.Equal("RuntimeDefault", Text(pod, "securityContext", "seccompProfile", "type"));
            var container = Items(pod, "containers").Single();
            var security = At(container, "securityContext")!;
            Assert.Equal(("true", "1654", "true", "false", "RuntimeDefault"), (Text(security, "runAsNonRoot"), Text(security, "runAsUser"),
                Text(security, "readOnlyRootFilesystem"), Text(security, "allowPrivilegeEscalation"), Text(security, "seccompProfile", "type")));
            Assert.Equal(["ALL"], Scalars(security, "capabilities", "drop"));
            Assert.Empty(Scalars(security, "capabilities", "add"));
            var tmp = Items(container, "volumeMounts").Single(m => Text(m, "mountPath") == "/tmp");
            var volume = Items(pod, "volumes").Single(v => Text(v, "name") == Text(tmp, "name"));
            Assert.NotNull(At(volume, "emptyDir"));
        }
    }

    [Fact]
    public void A_deployment_mounts_its_service_account_token_only_when_the_shipped_rbac_binds_that_account()
    {
        var bound = Chart.OfKind("ClusterRoleBinding").Concat(Chart.OfKind("RoleBinding"))
            .SelectMany(b => Items(b, "subjects")).Where(s => Text(s, "kind") == "ServiceAccount").Select(s => Text(s, "name")).ToHashSet();
        foreach (var pod in Chart.OfKind("Deployment").Select(PodSpec))
        {
            var account = Text(pod, "serviceAccountName");
            Assert.Equal(bound.Contains(account) ? "true" : "false", Text(pod, "automountServiceAccountToken"));
        }
    }

    [Fact]
    public void Ingress_is_denied_to_every_pod_of_the_release_but_the_front_doors_port_and_daprd_between_them()
    {
        var release = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "stowage" };
        var deny = Chart.Named("NetworkPolicy", "stowage-default-deny");
        Assert.Equal(release, Labels(deny));
        Assert.Equal(["Ingress", "Egress"], Scalars(deny, "spec", "policyTypes"));
        Assert.Null(At(deny, "spec", "ingress"));
        Assert.Null(At(deny, "spec", "egress"));
        Assert.All(Chart.OfKind("Deployment"), d => Assert.Equal("stowage", Text(d, "spec", "template", "metadata", "labels", "app.kubernetes.io/part-of")));

        var door = Chart.OfKind("Service").Single();
        var console = Chart.Named("Deployment", Stowage.Contracts.AppIds.Console);
        var consolePort = Text(Items(Items(PodSpec(console), "containers").Single(), "ports").Single(), "containerPort");
        Assert.Equal(consolePort, Text(Items(door, "spec", "ports").Single(), "targetPort"));

        var open = new List<(string Policy, string Port, string From)>();
        foreach (var policy in Chart.OfKind("NetworkPolicy"))
        {
            foreach (var rule in Items(policy, "spec", "ingress"))
            {
                var from = Items(rule, "from");
                var peer = from.Count == 0 ? "anywhere" : string.Join(",", from.Select(p =>
                    p.Children.ContainsKey("namespaceSelector") ? "any namespace" : Labels(p).SequenceEqual(release) ? "release pods" : "other pods"));
                foreach (var port in Items(rule, "ports")) open.Add((Text(policy, "metadata", "name")!, Text(port, "port")!, peer));
                Assert.NotEmpty(Items(rule, "ports"));
            }
        }
        Assert.Equal(new[] { ("stowage-dapr", "50002", "release pods"), ("stowage-dapr", "9090", "any namespace"), ("stowage-front-door", consolePort!, "anywhere") }
            .OrderBy(o => o.ToString(), StringComparer.Ordinal),
            open.OrderBy(o => o.ToString(), StringComparer.Ordinal).ToList());
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = Stowage.Contracts.AppIds.Console }, Labels(Chart.Named("NetworkPolicy", "stowage-front-door")));
    }

    [Fact]
    public void Egress_reaches_dns_the_api_server_redis_dapr_and_the_targets_and_targets_can_be_narrowed_in_values()
    {
        var egress = Chart.OfKind("NetworkPolicy").SelectMany(p => Items(p, "spec", "egress")).ToList();
        string Ports(YamlMappingNode rule) => string.Join(",", Items(rule, "ports").Select(p => $"{Text(p, "protocol")}/{Text(p, "port")}"));
        Assert.Contains(egress, r => Ports(r) == "UDP/53,TCP/53" && Text(Items(r, "to").Single(), "podSelector", "matchLabels", "k8s-app") == "kube-dns");
        Assert.Contains(egress, r => Ports(r) == "TCP/443,TCP/6443");
        Assert.Contains(egress, r => Ports(r) == "TCP/6379");
        Assert.Contains(egress, r => Ports(r) == "TCP/50002" && Labels(Items(r, "to").Single(), "podSelector")["app.kubernetes.io/part-of"] == "stowage");
        Assert.Contains(egress, r => Text(Items(r, "to").SingleOrDefault() ?? new YamlMappingNode(), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") == "dapr-system");
        // By default targets may be anywhere (an S3 endpoint has no fixed address): one rule with no peer and no port.
        Assert.Single(egress, r => r.Children.Count == 0);

        var values = DefaultValues();
        ((Dictionary<string, object?>)values["networkPolicy"]!)["targetNetworks"] = new List<object?> { "10.20.0.0/16", "192.0.2.10/32" };
        var narrowed = new RenderedChart(values).OfKind("NetworkPolicy").SelectMany(p => Items(p, "spec", "egress")).ToList();
        Assert.DoesNotContain(narrowed, r => r.Children.Count == 0 || Items(r, "to").Count == 0 && Items(r, "ports").Count == 0);
        var targets = narrowed.Single(r => Items(r, "to").Any(p => p.Children.ContainsKey("ipBlock")));
        Assert.Equal(["10.20.0.0/16", "192.0.2.10/32"], Items(targets, "to").Select(p => Text(p, "ipBlock", "cidr")));
    }

    [Fact]
    public void Dapr_lets_only_the_console_invoke_and_shows_each_component_only_to_the_app_ids_that_use_it()
    {
        var configuration = Chart.Named("Configuration", "stowage");
        Assert.All(Chart.OfKind("Deployment"), d => Assert.Equal("stowage", Text(d, "spec", "template", "metadata", "annotations", "dapr.io/config")));
        var access = At(configuration, "spec", "accessControl")!;
        Assert.Equal("deny", Text(access, "defaultAction"));
        var policy = Items(access, "policies").Single();
        Assert.Equal((Stowage.Contracts.AppIds.Console, "allow", "stowage", "public"),
            (Text(policy, "appId"), Text(policy, "defaultAction"), Text(policy, "namespace"), Text(policy, "trustDomain")));

        // Every service and the console publish or subscribe and keep state (the three with workflows in the actor state store).
        foreach (var name in new[] { DaprComponents.PubSub, DaprComponents.StateStore })
        {
            Assert.Equal(AppIds.Order(), Scalars(Chart.Named("Component", name), "scopes").Order());
        }
        Assert.Equal(2, Chart.OfKind("Component").Count());
    }

    private static Dictionary<string, string> Labels(YamlNode node, string selector = "podSelector")
    {
        var labels = At(node, node is YamlMappingNode m && m.Children.ContainsKey("spec") ? ["spec", selector, "matchLabels"] : [selector, "matchLabels"]) as YamlMappingNode;
        return labels?.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!) ?? [];
    }
}
