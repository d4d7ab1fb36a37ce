using Stowage.LocalSidecar.PubSub;
using YamlDotNet.RepresentationModel;

namespace Stowage.LocalSidecar.Hosting;

/// Reads the settings the sidecar honours from Dapr component files (the components/ folder daprd is started with):
/// the outbox route of each state store (outboxPublishPubsub and outboxPublishTopic) and the topic scoping of each pub/sub.
internal static class ComponentFiles
{
    public static IReadOnlyDictionary<string, OutboxRoute> OutboxRoutesIn(string directory)
    {
        var routes = new Dictionary<string, OutboxRoute>();
        foreach (var (name, settings) in ComponentsIn(directory, "state."))
        {
            if (settings.TryGetValue("outboxPublishPubsub", out var pubSub) && settings.TryGetValue("outboxPublishTopic", out var topic))
            {
                routes[name] = new OutboxRoute(pubSub, topic);
            }
        }

        return routes;
    }

    /// The topic scoping of each pub/sub component that declares any (allowedTopics, protectedTopics, publishingScopes, subscriptionScopes).
    public static IReadOnlyDictionary<string, TopicScopes> TopicScopesIn(string directory)
    {
        var scopes = new Dictionary<string, TopicScopes>();
        foreach (var (name, settings) in ComponentsIn(directory, "pubsub."))
        {
            if (TopicScopes.FromMetadata(settings) is { IsScoped: true } scoped)
            {
                scopes[name] = scoped;
            }
        }

        return scopes;
    }

    private static IEnumerable<(string Name, Dictionary<string, string> Settings)> ComponentsIn(string directory, string typePrefix)
    {
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            foreach (var component in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
            {
                if (Scalar(component, "kind") == "Component" && Scalar(component, "spec", "type")?.StartsWith(typePrefix, StringComparison.Ordinal) == true &&
                    Scalar(component, "metadata", "name") is { } name)
                {
                    yield return (name, Settings(component));
                }
            }
        }
    }

    private static Dictionary<string, string> Settings(YamlMappingNode component)
    {
        var settings = new Dictionary<string, string>();
        if (Child(component, "spec") is YamlMappingNode spec && Child(spec, "metadata") is YamlSequenceNode entries)
        {
            foreach (var entry in entries.OfType<YamlMappingNode>())
            {
                if (Scalar(entry, "name") is { } key && Scalar(entry, "value") is { } value)
                {
                    settings[key] = value;
                }
            }
        }

        return settings;
    }

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode mapping ? Child(mapping, key) : null;
        }

        return (current as YamlScalarNode)?.Value;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
