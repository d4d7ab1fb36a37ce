using Stowage.Contracts;
using YamlDotNet.RepresentationModel;

namespace Stowage.Deployment.Tests;

/// <summary>tye.yaml, dapr.yaml, the Helm chart and components/ must describe the same services and components.</summary>
public sealed class RunFilesTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] ServiceAppIds = [AppIds.Policy, AppIds.Discovery, AppIds.Scheduler, AppIds.Mover, AppIds.Restore];

    private static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Root, relativePath))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.Cast<YamlMappingNode>();

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [Fact]
    public void Tye_and_the_dapr_run_file_start_the_same_five_services_on_the_same_ports()
    {
        var tye = Items(Load("tye.yaml"), "services").ToDictionary(s => Text(s, "name"), s => Text(Items(s, "bindings").Single(), "port"));
        var dapr = Items(Load("dapr.yaml"), "apps").ToDictionary(a => Text(a, "appID"), a => Text(a, "appPort"));
        Assert.Equal(ServiceAppIds.Order(), tye.Keys.Order());
        Assert.Equal(tye.OrderBy(p => p.Key), dapr.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_service_project_named_by_the_run_files_exists()
    {
        foreach (var service in Items(Load("tye.yaml"), "services")) Assert.True(File.Exists(Path.Combine(Root, Text(service, "project"))), Text(service, "project"));
        foreach (var app in Items(Load("dapr.yaml"), "apps")) Assert.True(Directory.Exists(Path.Combine(Root, Text(app, "appDirPath"))), Text(app, "appDirPath"));
    }

    [Fact]
    public void The_helm_chart_deploys_the_same_services()
    {
        var names = Items(Load("deploy/helm/stowage/values.yaml"), "services").Select(s => $"stowage-{Text(s, "name")}");
        Assert.Equal(ServiceAppIds.Order(), names.Order());
    }

    [Theory]
    [InlineData("components/statestore.yaml")]
    [InlineData("components/postgresql/statestore.yaml")]
    public void State_stores_carry_the_name_the_code_uses_and_can_hold_workflow_state(string file)
    {
        var component = Load(file);
        Assert.Equal(DaprComponents.StateStore, Text((YamlMappingNode)component["metadata"], "name"));
        var metadata = Items((YamlMappingNode)component["spec"], "metadata").ToDictionary(m => Text(m, "name"), m => m);
        Assert.Equal("true", Text(metadata["actorStateStore"], "value"));
    }

    [Fact]
    public void The_pubsub_component_carries_the_name_the_code_uses() =>
        Assert.Equal(DaprComponents.PubSub, Text((YamlMappingNode)Load("components/pubsub.yaml")["metadata"], "name"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found above the test folder.");
    }
}
