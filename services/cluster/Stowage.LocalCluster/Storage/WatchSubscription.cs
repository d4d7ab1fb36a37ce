using System.Text.Json.Nodes;
using System.Threading.Channels;
using Stowage.LocalCluster.Resources;

namespace Stowage.LocalCluster.Storage;

/// <summary>The events one open watch still has to send, filtered by its type, namespace and selectors.</summary>
internal sealed class WatchSubscription(FakeResourceType type, string? ns, LabelSelector labels, FieldSelector fields, Action<WatchSubscription> onDispose)
    : IDisposable
{
    private readonly Channel<(string Type, JsonObject Object)> pending = Channel.CreateUnbounded<(string, JsonObject)>();

    public ChannelReader<(string Type, JsonObject Object)> Events => pending.Reader;

    public bool Matches(JsonObject obj) =>
        (!type.Namespaced || ns is null || (string?)obj["metadata"]?["namespace"] == ns)
        && labels.Matches(ObjectMetadata.Labels(obj))
        && fields.Matches(obj);

    public void SendInitial(JsonObject obj) => pending.Writer.TryWrite(("ADDED", obj));

    public void Offer(StoreEvent change)
    {
        if (change.ResourceType.Group != type.Group || change.ResourceType.Plural != type.Plural)
        {
            return;
        }
        var matchesNow = Matches(change.Object);
        var matchedBefore = change.Previous is not null && Matches(change.Previous);
        var sent = (change.Type, matchedBefore, matchesNow) switch
        {
            ("MODIFIED", true, false) => "DELETED",
            ("MODIFIED", false, true) => "ADDED",
            (_, _, true) => change.Type,
            _ => null,
        };
        if (sent is not null)
        {
            pending.Writer.TryWrite((sent, change.Object.DeepClone().AsObject()));
        }
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        onDispose(this);
    }
}
