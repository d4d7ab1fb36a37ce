using Stowage.Contracts;
using YamlDotNet.RepresentationModel;

namespace Stowage.Deployment.Tests;

/// <summary>tye.yaml, dapr.yaml, the Helm chart and components/ must describe the same services and components.</summary>
public sealed class RunFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Root, relativePath))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.Cast<YamlMappingNode>();

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [Fact]
    public void Tye_and_the_dapr_run_file_start_the_same_five_services_and_the_console_on_the_same_ports()
    {
        var tye = Items(Load("tye.yaml"), "services").ToDictionary(s => Text(s, "name"), s => Text(Items(s, "bindings").Single(), "port"));
        var dapr = Items(Load("dapr.yaml"), "apps").ToDictionary(a => Text(a, "appID"), a => Text(a, "appPort"));
        Assert.Equal(AppIds.All.Order(), tye.Keys.Order());
        Assert.Equal(tye.OrderBy(p => p.Key), dapr.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_service_project_named_by_the_run_files_exists()
    {
        foreach (var service in Items(Load("tye.yaml"), "services")) Assert.True(File.Exists(Path.Combine(Root, Text(service, "project"))), Text(service, "project"));
        foreach (var app in Items(Load("dapr.yaml"), "apps")) Assert.True(Directory.Exists(Path.Combine(Root, Text(app, "appDirPath"))), Text(app, "appDirPath"));
    }

    [Fact]
    public void Each_app_publishes_only_its_own_topics_commands_and_restore_requests_are_protected_with_the_same_scoping_in_components_and_the_helm_chart()
    {
        var metadata = Items((YamlMappingNode)Load("components/pubsub.yaml")["spec"], "metadata").Where(m => m.Children.ContainsKey("value"))
            .ToDictionary(m => Text(m, "name"), m => Text(m, "value"));
        Assert.Equal(TopicCatalog.ProtectedTopics, metadata["protectedTopics"]);
        Assert.Equal("backup.command,restore.command,restore.requested", metadata["protectedTopics"]);
        Assert.Equal(TopicCatalog.PublishingScopes(["backup-trigger"]), metadata["publishingScopes"]);
        // Spelled out once, so the catalog's grants are read by a person and not only compared with themselves.
        Assert.Contains(";stowage-scheduler=backup.requested,backup.finished,restore.requested,restore.finished;", metadata["publishingScopes"]);
        Assert.Contains(";stowage-mover=backup.progress,backup.finished;", metadata["publishingScopes"]);
        Assert.EndsWith(";stowage-console=", metadata["publishingScopes"]);

        var values = Chart.RenderedChart.DefaultValues();
        values["commands"] = new Dictionary<string, object?> { ["publishers"] = new List<object?> { "ci-pipeline", "db-tools" } };
        var pubSub = new Chart.RenderedChart(values).Named("Component", DaprComponents.PubSub);
        var rendered = Chart.RenderedChart.Items(pubSub, "spec", "metadata").Where(m => m.Children.ContainsKey("value"))
            .ToDictionary(m => Chart.RenderedChart.Text(m, "name")!, m => Chart.RenderedChart.Text(m, "value")!);
        Assert.Equal(metadata["protectedTopics"], rendered["protectedTopics"]);
        Assert.Equal(metadata["subscriptionScopes"], rendered["subscriptionScopes"]);
        Assert.Equal(TopicCatalog.PublishingScopes(["ci-pipeline", "db-tools"]), rendered["publishingScopes"]);
        // Their daprd must load the component at all: component scopes list the publishers beside the services.
        Assert.Contains("ci-pipeline", Chart.RenderedChart.Scalars(pubSub, "scopes"));
        Assert.Contains("db-tools", Chart.RenderedChart.Scalars(pubSub, "scopes"));
        Assert.DoesNotContain("ci-pipeline", Chart.RenderedChart.Scalars(new Chart.RenderedChart(values).Named("Component", DaprComponents.StateStore), "scopes"));

        // With no publishers (the default) nobody may publish a command: only the services are granted their topics.
        var none = new Chart.RenderedChart().Named("Component", DaprComponents.PubSub);
        var noneScopes = Chart.RenderedChart.Text(Chart.RenderedChart.Items(none, "spec", "metadata").Single(m => Chart.RenderedChart.Text(m, "name") == "publishingScopes"), "value");
        Assert.Equal(TopicCatalog.PublishingScopes([]), noneScopes);
    }

    [Fact]
    public void The_helm_chart_deploys_the_same_services_and_the_console()
    {
        var names = Items(Load("deploy/helm/stowage/values.yaml"), "services").Select(s => $"stowage-{Text(s, "name")}");
        Assert.Equal(AppIds.All.Order(), names.Order());
    }

    [Fact]
    public void The_helm_chart_exposes_one_service_the_front_door_and_nothing_else()
    {
        var entries = Items(Load("deploy/helm/stowage/values.yaml"), "services").ToList();
        var doors = entries.Where(s => s.Children.ContainsKey("frontDoor") && Text(s, "frontDoor") == "true").Select(s => Text(s, "name"));
        Assert.Equal(["console"], doors);
        var templates = Directory.GetFiles(Path.Combine(Root, "deploy/helm/stowage/templates")).Select(File.ReadAllText);
        var services = templates.Sum(t => System.Text.RegularExpressions.Regex.Count(t, @"^kind: Service\s*$", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Equal(1, services);
        var chart = File.ReadAllText(Path.Combine(Root, "deploy/helm/stowage/templates/services.yaml"));
        Assert.Contains("{{- if .frontDoor }}", chart[..chart.IndexOf("kind: Service\n", StringComparison.Ordinal)]);
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

    [Fact]
    public void Every_image_the_chart_names_is_built_by_a_project_on_a_chiseled_base()
    {
        var values = Load("deploy/helm/stowage/values.yaml");
        var tag = Text((YamlMappingNode)values["image"], "tag");
        foreach (var service in Items(values, "services").Select(s => Text(s, "name")))
        {
            var name = char.ToUpperInvariant(service[0]) + service[1..];
            var image = ImageOf($"services/{service}/Stowage.{name}/Stowage.{name}.csproj");
            Assert.Equal(($"stowage-{service}", tag, "noble-chiseled", "true"), image);
        }
        var job = Text((YamlMappingNode)values["volumeJobs"], "image");
        var (repository, jobTag, family, enabled) = ImageOf("services/mover/Stowage.Mover.Cli/Stowage.Mover.Cli.csproj");
        Assert.EndsWith($"/{repository}:{jobTag}", job);
        Assert.Equal(("noble-chiseled", "true", tag), (family, enabled, jobTag));
    }

    [Fact]
    public void The_chart_moves_data_in_volume_jobs_not_on_the_nodes()
    {
        var services = File.ReadAllText(Path.Combine(Root, "deploy/helm/stowage/templates/services.yaml"));
        Assert.DoesNotContain("DaemonSet", services);
        Assert.DoesNotContain("hostPath", services);
        Assert.Contains("Mover__DataPath", services);
        var movers = Items(Load("deploy/helm/stowage/values.yaml"), "services").Where(s => Text(s, "name") is "mover" or "restore");
        Assert.All(movers, s => Assert.Equal("true", Text(s, "volumeJobs")));
    }

    /// <summary>The container image a project publishes (`dotnet publish -t:PublishContainer`), as MSBuild evaluates it.</summary>
    private static (string Repository, string Tag, string Family, string Enabled) ImageOf(string project)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["msbuild", Path.Combine(Root, project), "-getProperty:ContainerRepository",
            "-getProperty:ContainerImageTag", "-getProperty:ContainerFamily", "-getProperty:EnableSdkContainerSupport"]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var properties = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        string Get(string key) => properties.GetProperty(key).GetString()!;
        return (Get("ContainerRepository"), Get("ContainerImageTag"), Get("ContainerFamily"), Get("EnableSdkContainerSupport"));
    }
}
