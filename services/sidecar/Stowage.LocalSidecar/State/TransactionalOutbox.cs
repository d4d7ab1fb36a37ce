using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;
using Stowage.LocalSidecar.Hosting;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.State;

/// daprd's transactional outbox: each upsert of a transaction is published once the transaction is written, as its own
/// value or as the value of an "outbox.projection" operation on the same key (projections are published, never stored).
internal static class TransactionalOutbox
{
    public const string ProjectionMetadata = "outbox.projection";

    public static bool IsProjection(TransactionalStateOperation operation) =>
        operation.OperationType == "upsert" &&
        operation.Request.Metadata.TryGetValue(ProjectionMetadata, out var flag) &&
        bool.TryParse(flag, out var isProjection) && isProjection;

    public static IReadOnlyList<PublishedEvent> EventsFor(string appId, OutboxRoute route, IReadOnlyList<TransactionalStateOperation> operations)
    {
        var stored = operations.Where(o => !IsProjection(o)).ToList();
        var projections = new Dictionary<string, TransactionalStateOperation>();
        foreach (var projection in operations.Where(IsProjection))
        {
            projections.TryAdd(projection.Request.Key, projection);
        }

        if (projections.Keys.FirstOrDefault(key => stored.All(o => o.Request.Key != key)) is { } orphan)
        {
            throw new RpcException(new Status(StatusCode.Internal,
                $"error while executing state transaction: outbox projection for key {orphan} has no matching state operation"));
        }

        return stored
            .Where(o => o.OperationType == "upsert")
            .Select(o => ToEvent(appId, route, o, projections.GetValueOrDefault(o.Request.Key)))
            .ToList();
    }

    private static PublishedEvent ToEvent(string appId, OutboxRoute route, TransactionalStateOperation operation, TransactionalStateOperation? projection)
    {
        var metadata = new Dictionary<string, string>(operation.Request.Metadata);
        foreach (var (key, value) in projection?.Request.Metadata ?? [])
        {
            metadata[key] = value;
        }

        var payload = (projection ?? operation).Request.Value.ToByteArray();
        var contentType = metadata.GetValueOrDefault("contentType") ?? "application/json";
        return CloudEventFactory.Create(appId, route.PubSubName, route.Topic, payload, contentType, metadata);
    }
}
