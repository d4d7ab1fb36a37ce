using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stowage.Deployment.Tests.AsyncApi;

/// <summary>
/// JSON Schemas of the contract records as they travel: the shape System.Text.Json gives them with the services' options
/// (web casing, enums as camel-case strings). A member is required when it is non-nullable and has no default.
/// Records are named schemas under components/schemas, referenced by $ref.
/// </summary>
internal sealed class ContractSchemas(ContractDocs docs)
{
    private readonly NullabilityInfoContext nullability = new();
    private readonly SortedDictionary<string, object> named = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object> Named => named;

    public static string JsonName(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);

    /// <summary>The $ref to the record's schema, defining it (and every record it holds) on first use.</summary>
    public Dictionary<string, object> Reference(Type record)
    {
        if (!named.ContainsKey(record.Name))
        {
            named[record.Name] = new object(); // a placeholder: a record may hold itself
            named[record.Name] = Record(record);
        }

        return new Dictionary<string, object> { ["$ref"] = $"#/components/schemas/{record.Name}" };
    }

    private Dictionary<string, object> Record(Type record)
    {
        var properties = new Dictionary<string, object>();
        var required = new List<string>();
        if (record.BaseType?.GetCustomAttribute<JsonPolymorphicAttribute>() is { } polymorphic)
        {
            var discriminator = record.BaseType.GetCustomAttributes<JsonDerivedTypeAttribute>().Single(d => d.DerivedType == record).TypeDiscriminator!;
            var name = polymorphic.TypeDiscriminatorPropertyName ?? "$type";
            properties[name] = new Dictionary<string, object> { ["type"] = "string", ["const"] = discriminator, ["description"] = "The event's type name (the topic it is published on)." };
            required.Add(name);
        }

        foreach (var parameter in record.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters())
        {
            var schema = Schema(parameter.ParameterType);
            if (docs.Parameter(record, parameter.Name!) is { } description) schema = WithDescription(schema, description);
            properties[JsonName(parameter.Name!)] = schema;
            var info = nullability.Create(parameter);
            if (info.WriteState != NullabilityState.Nullable && !parameter.HasDefaultValue && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
            {
                required.Add(JsonName(parameter.Name!));
            }
        }

        var result = new Dictionary<string, object> { ["type"] = "object" };
        if (docs.Summary(record) is { } summary) result["description"] = summary;
        if (required.Count > 0) result["required"] = required;
        result["properties"] = properties;
        return result;
    }

    private Dictionary<string, object> Schema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return Simple("string");
        if (type == typeof(Guid)) return Simple("string", "uuid");
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return Simple("string", "date-time");
        if (type == typeof(TimeSpan)) return new Dictionary<string, object> { ["type"] = "string", ["pattern"] = @"^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d+)?$" };
        if (type == typeof(bool)) return Simple("boolean");
        if (type == typeof(int)) return Simple("integer", "int32");
        if (type == typeof(long)) return Simple("integer", "int64");
        if (type == typeof(double)) return Simple("number", "double");
        if (type.IsEnum) return new Dictionary<string, object> { ["type"] = "string", ["enum"] = Enum.GetNames(type).Select(JsonName).ToList() };
        if (Dictionary(type) is { } values) return new Dictionary<string, object> { ["type"] = "object", ["additionalProperties"] = Schema(values) };
        if (Element(type) is { } element) return new Dictionary<string, object> { ["type"] = "array", ["items"] = Schema(element) };
        if (type.Assembly == typeof(Stowage.Contracts.IIntegrationEvent).Assembly) return Reference(type);
        throw new NotSupportedException($"No schema for {type}: add it to {nameof(ContractSchemas)}.");
    }

    private static Dictionary<string, object> Simple(string type, string? format = null) =>
        format is null ? new() { ["type"] = type } : new() { ["type"] = type, ["format"] = format };

    // A $ref stands alone in the schemas AsyncAPI 3 tools read, so a described reference wraps it in allOf.
    private static Dictionary<string, object> WithDescription(Dictionary<string, object> schema, string description)
    {
        if (schema.ContainsKey("$ref")) return new Dictionary<string, object> { ["description"] = description, ["allOf"] = new List<object> { schema } };
        schema["description"] = description;
        return schema;
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>))
            ? type.GetGenericArguments()[1] : null;

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}
