using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stowage.Common.EventSourcing;

/// <summary>The one JSON shape of stored events and documents: web casing, enums as strings.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serializes as the runtime type: right for documents, wrong for events (it drops their type name).</summary>
    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);

    /// <summary>Serializes as <typeparamref name="T"/>, so a polymorphic event keeps its "type" discriminator.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8) => JsonSerializer.Deserialize<T>(utf8.Span, Options)
        ?? throw new JsonException($"Stored document is null where a {typeof(T).Name} was expected.");

    public static T Deserialize<T>(string json) => Deserialize<T>(Encoding.UTF8.GetBytes(json));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
