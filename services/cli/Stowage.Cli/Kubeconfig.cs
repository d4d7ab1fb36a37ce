using YamlDotNet.RepresentationModel;

namespace Stowage.Cli;

/// <summary>The current context of a kubeconfig (KUBECONFIG, else ~/.kube/config): its namespace and its user's token.</summary>
internal sealed record Kubeconfig(string? Namespace, string? Token)
{
    public static Kubeconfig Load(CliEnvironment environment)
    {
        var files = environment.Variable("KUBECONFIG") is { Length: > 0 } list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [Path.Combine(environment.Home, ".kube", "config")];
        var documents = files.Where(File.Exists).Select(Read).OfType<YamlMappingNode>().ToList();
        // As kubectl merges them: the first file that names a current context wins, and names are looked up in every file.
        var current = documents.Select(d => Scalar(d, "current-context")).FirstOrDefault(c => !string.IsNullOrEmpty(c));
        if (current is null) return new(null, null);
        var context = Named(documents, "contexts", current, "context");
        var user = context is null ? null : Scalar(context, "user") is { } userName ? Named(documents, "users", userName, "user") : null;
        var token = user is null ? null : Scalar(user, "token") ?? (Scalar(user, "tokenFile") is { } file && File.Exists(file) ? File.ReadAllText(file).Trim() : null);
        return new(context is null ? null : Scalar(context, "namespace"), token);
    }

    private static YamlNode? Read(string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            return stream.Documents.FirstOrDefault()?.RootNode;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    private static YamlMappingNode? Named(IEnumerable<YamlMappingNode> documents, string list, string name, string inner) =>
        documents.Select(d => d.Children.TryGetValue(list, out var items) ? items as YamlSequenceNode : null).OfType<YamlSequenceNode>()
            .SelectMany(s => s.Children.OfType<YamlMappingNode>())
            .FirstOrDefault(item => Scalar(item, "name") == name) is { } found && found.Children.TryGetValue(inner, out var body) ? body as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
