using Stowage.Contracts;
using YamlDotNet.Serialization;

namespace Stowage.Deployment.Tests.AsyncApi;

/// <summary>
/// docs/asyncapi.yaml as the contract types make it: one channel per topic of <see cref="TopicCatalog"/>, the record it
/// carries as its message, an operation per channel (Stowage sends events and receives commands; a command's reply is
/// the finished event that carries its correlation id).
/// </summary>
internal static class AsyncApiDocument
{
    private const string Header = """
        # The pub/sub contract of Stowage: every topic, event and command. Generated from the contract types
        # (services/common/Stowage.Contracts, TopicCatalog) by tests/Stowage.Deployment.Tests; do not edit by hand:
        # STOWAGE_WRITE_ASYNCAPI=1 dotnet test tests/Stowage.Deployment.Tests --filter AsyncApi rewrites it.

        """;

    private const string Description = """
        Stowage's services talk through the Dapr pub/sub component `pubsub`. Every message is the `data` of a CloudEvent 1.0
        (datacontenttype application/json) whose `id` is the message's `eventId`; consumers deduplicate by it. Events are
        published by Stowage and may be read by any app; commands are sent by other systems through their own Dapr sidecar,
        and only the app ids the component's `publishingScopes` names may publish them (docs/api.md, "Event triggers").
        """;

    public static string Generate()
    {
        var docs = ContractDocs.Load();
        var schemas = new ContractSchemas(docs);
        var channels = new Dictionary<string, object>();
        var operations = new Dictionary<string, object>();
        var messages = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var contract in TopicCatalog.All)
        {
            var name = contract.Message.Name;
            var message = new Dictionary<string, object>
            {
                ["name"] = name,
                ["title"] = name,
                ["contentType"] = "application/json",
                ["payload"] = schemas.Reference(contract.Message),
            };
            if (docs.Summary(contract.Message) is { } summary) message["summary"] = summary;
            if (contract.Message.GetProperty("CorrelationId") is not null)
            {
                message["correlationId"] = new Dictionary<string, object> { ["$ref"] = "#/components/correlationIds/commandCorrelation" };
            }
            messages[name] = message;

            var channel = new Dictionary<string, object>
            {
                ["address"] = contract.Topic,
                ["messages"] = new Dictionary<string, object> { [name] = new Dictionary<string, object> { ["$ref"] = $"#/components/messages/{name}" } },
            };
            if (TopicDescription(docs, contract.Topic) is { } description) channel["description"] = description;
            channels[ChannelId(contract.Topic)] = channel;

            var operation = new Dictionary<string, object>
            {
                ["action"] = contract.Role == TopicRole.Command ? "receive" : "send",
                ["channel"] = Ref($"#/channels/{ChannelId(contract.Topic)}"),
                ["messages"] = new List<object> { Ref($"#/channels/{ChannelId(contract.Topic)}/messages/{name}") },
            };
            if (contract.Reply is { } reply)
            {
                var replied = TopicCatalog.All.Single(c => c.Topic == reply).Message.Name;
                operation["reply"] = new Dictionary<string, object>
                {
                    ["channel"] = Ref($"#/channels/{ChannelId(reply)}"),
                    ["messages"] = new List<object> { Ref($"#/channels/{ChannelId(reply)}/messages/{replied}") },
                };
            }
            operations[(contract.Role == TopicRole.Command ? "receive" : "send") + name] = operation;
        }

        var document = new Dictionary<string, object>
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new Dictionary<string, object> { ["title"] = "Stowage events and commands", ["version"] = "1.0.0", ["description"] = Description.ReplaceLineEndings(" ") },
            ["defaultContentType"] = "application/json",
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new Dictionary<string, object>
            {
                ["messages"] = messages,
                ["schemas"] = schemas.Named,
                ["correlationIds"] = new Dictionary<string, object>
                {
                    ["commandCorrelation"] = new Dictionary<string, object>
                    {
                        ["description"] = "The correlationId a command carries comes back in the finished event that answers it.",
                        ["location"] = "$message.payload#/correlationId",
                    },
                },
            },
        };
        var yaml = new SerializerBuilder().DisableAliases().Build().Serialize(document);
        return Header.ReplaceLineEndings("\n") + yaml.ReplaceLineEndings("\n");
    }

    /// <summary>"backup.finished" is channel "backupFinished".</summary>
    public static string ChannelId(string topic) =>
        string.Concat(topic.Split('.', '-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private static Dictionary<string, object> Ref(string target) => new() { ["$ref"] = target };

    private static string? TopicDescription(ContractDocs docs, string topic)
    {
        foreach (var holder in typeof(TopicCatalog).Assembly.GetTypes().Where(t => t.Name.EndsWith("Topics", StringComparison.Ordinal)))
        {
            foreach (var field in holder.GetFields().Where(f => f.IsLiteral && (string?)f.GetRawConstantValue() == topic))
            {
                if (docs.Field(holder, field.Name) is { } text) return text;
            }
        }

        return null;
    }
}
