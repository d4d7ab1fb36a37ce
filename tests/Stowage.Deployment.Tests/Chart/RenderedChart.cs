using YamlDotNet.RepresentationModel;

namespace Stowage.Deployment.Tests.Chart;

/// <summary>
/// The chart's workload, network and Dapr templates rendered with its values.yaml (or values changed by a test), as YAML
/// documents. (The token Secrets and the custom-resource roles use lookup, printf and dict, which only Helm renders.)
/// </summary>
public sealed class RenderedChart
{
    private static readonly string[] Templates = ["services.yaml", "components.yaml", "network-policies.yaml", "rbac.yaml"];

    private static string ChartFolder => Path.Combine(RepositoryRoot.Path, "deploy/helm/stowage");

    public static Dictionary<string, object?> DefaultValues()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(ChartFolder, "values.yaml"))));
        return (Dictionary<string, object?>)ChartTemplate.Plain(stream.Documents[0].RootNode)!;
    }

    public RenderedChart(IReadOnlyDictionary<string, object?>? values = null)
    {
        values ??= DefaultValues();
        Documents = Templates.Select(name => Path.Combine(ChartFolder, "templates", name)).SelectMany(file =>
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(ChartTemplate.Render(File.ReadAllText(file), values)));
            return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
        }).ToList();
    }

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Documents.Where(d => Text(d, "kind") == kind);

    public YamlMappingNode Named(string kind, string name) => OfKind(kind).Single(d => Text(d, "metadata", "name") == name);

    public static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    public static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlMappingNode> Items(YamlNode node, params string[] path) =>
        (At(node, path) as YamlSequenceNode)?.Children.Cast<YamlMappingNode>().ToList() ?? [];

    public static IReadOnlyList<string> Scalars(YamlNode node, params string[] path) =>
        (At(node, path) as YamlSequenceNode)?.Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList() ?? [];
}
