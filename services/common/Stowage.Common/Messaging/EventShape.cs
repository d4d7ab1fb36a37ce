using System.Collections;
using System.Reflection;
using System.Text.Json;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>
/// What is missing from an event that arrived as JSON: its id and time, and every member its record declares as
/// non-nullable (JSON binding leaves an absent member null whatever the declaration says), in the event and in the
/// contract records it holds. Field names are the JSON paths, as validation problems name them.
/// </summary>
internal static class EventShape
{
    private const int MaxDepth = 8;

    public static Dictionary<string, string[]> Problems(IIntegrationEvent @event)
    {
        var problems = new Dictionary<string, string[]>();
        if (@event.EventId == Guid.Empty) problems["eventId"] = ["'eventId' must be a non-empty id."];
        if (@event.OccurredAt == default) problems["occurredAt"] = ["'occurredAt' is required."];
        new Walk(new NullabilityInfoContext(), problems, @event.GetType().Assembly).Members(@event, "", 0);
        return problems;
    }

    private sealed record Walk(NullabilityInfoContext Nullability, Dictionary<string, string[]> Problems, Assembly EventAssembly)
    {
        public void Members(object value, string path, int depth)
        {
            var type = value.GetType();
            if (depth > MaxDepth || (type.Assembly != EventAssembly && type.Assembly != typeof(IIntegrationEvent).Assembly)) return;
            var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length);
            foreach (var parameter in constructor?.GetParameters() ?? [])
            {
                if (type.GetProperty(parameter.Name!) is not { } property) continue;
                var field = Join(path, JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!));
                Value(property.GetValue(value), field, Nullability.Create(parameter), depth);
            }
        }

        private void Value(object? value, string field, NullabilityInfo nullability, int depth)
        {
            switch (value)
            {
                case null when nullability.WriteState == NullabilityState.NotNull && !nullability.Type.IsValueType:
                    Problems[field] = [$"'{field}' is required."];
                    break;
                case null or string:
                    break;
                case IEnumerable items:
                    var element = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (element is not null) Value(item, $"{field}[{index}]", element, depth + 1);
                        index++;
                    }
                    break;
                default:
                    Members(value, field, depth + 1);
                    break;
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }
}
