using System.Text.Json;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.Tests.PubSub;

public sealed class RouteConditionTests
{
    private static readonly JsonElement CloudEvent =
        JsonDocument.Parse("""{"type":"PolicyCreated","source":"policy","subject":"p-1"}""").RootElement;

    [Theory]
    [InlineData("event.type == \"PolicyCreated\"", true)]
    [InlineData("event.type == 'PolicyCreated'", true)]
    [InlineData("event.type != \"PolicyCreated\"", false)]
    [InlineData("event.type == \"PolicyCreated\" && event.source == \"mover\"", false)]
    [InlineData("event.type == \"PolicyDeleted\" || event.subject == \"p-1\"", true)]
    [InlineData("event.missing == \"x\"", false)]
    [InlineData("size(event.type) > 3", false)]
    public void Conditions_on_cloudevent_attributes_are_evaluated(string expression, bool expected) =>
        Assert.Equal(expected, RouteCondition.Holds(expression, CloudEvent));
}
