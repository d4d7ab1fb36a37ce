using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stowage.LocalSidecar.PubSub;

/// Wraps published data in a CloudEvent the way daprd does, honouring the cloudevent.* and rawPayload metadata.
internal static class CloudEventFactory
{
    public const string CloudEventContentType = "application/cloudevents+json";

    public static PublishedEvent Create(
        string sourceAppId, string pubSubName, string topic, byte[] data, string? contentType,
        IReadOnlyDictionary<string, string> metadata)
    {
        contentType = string.IsNullOrEmpty(contentType) ? "application/json" : contentType;
        if (metadata.TryGetValue("rawPayload", out var raw) && bool.TryParse(raw, out var isRaw) && isRaw)
        {
            return new PublishedEvent(pubSubName, topic, Guid.NewGuid().ToString(), data, contentType);
        }

        var envelope = contentType.StartsWith(CloudEventContentType, StringComparison.OrdinalIgnoreCase)
            ? JsonNode.Parse(data)!.AsObject()
            : Wrap(data, contentType);
        envelope.TryAdd("id", Guid.NewGuid().ToString());
        envelope.TryAdd("source", sourceAppId);
        envelope.TryAdd("type", "com.dapr.event.sent");
        envelope.TryAdd("specversion", "1.0");
        envelope.TryAdd("time", DateTimeOffset.UtcNow.ToString("O"));
        envelope["topic"] = topic;
        envelope["pubsubname"] = pubSubName;
        foreach (var (key, value) in metadata.Where(m => m.Key.StartsWith("cloudevent.", StringComparison.Ordinal)))
        {
            envelope[key["cloudevent.".Length..]] = value;
        }

        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        return new PublishedEvent(pubSubName, topic, envelope["id"]!.GetValue<string>(), body, CloudEventContentType);
    }

    private static JsonObject Wrap(byte[] data, string contentType)
    {
        var envelope = new JsonObject { ["datacontenttype"] = contentType };
        if (IsJson(contentType) && TryParseJson(data) is { } json)
        {
            envelope["data"] = json;
        }
        else if (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            envelope["data"] = Encoding.UTF8.GetString(data);
        }
        else
        {
            envelope["data_base64"] = Convert.ToBase64String(data);
        }

        return envelope;
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
        contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TryParseJson(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
