using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Stowage.LocalSidecar.Hosting;
using Stowage.LocalSidecar.PubSub;
using Stowage.LocalSidecar.State;

namespace Stowage.LocalSidecar.Grpc;

/// The Dapr runtime API for one app: state is scoped "appid||key" as daprd stores it, pub/sub is shared by all apps.
internal sealed class DaprRuntimeService(SidecarApp app, IStateStore store, PubSubBroker broker, OutboxRoutes outboxes) : DaprRuntimeServiceBase
{
    public override async Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        if (broker.PublishRefusal(app.AppId, request.PubsubName, request.Topic) is { } refusal)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, refusal));
        }

        var published = CloudEventFactory.Create(
            app.AppId, request.PubsubName, request.Topic, request.Data.ToByteArray(), request.DataContentType, request.Metadata);
        await broker.PublishAsync(published, context.CancellationToken);
        return new Empty();
    }

    public override async Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        var entry = await store.GetAsync(request.StoreName, Scoped(request.Key), context.CancellationToken);
        return entry is null
            ? new GetStateResponse()
            : new GetStateResponse { Data = ByteString.CopyFrom(entry.Value), Etag = entry.ETag };
    }

    public override async Task<GetBulkStateResponse> GetBulkState(GetBulkStateRequest request, ServerCallContext context)
    {
        var response = new GetBulkStateResponse();
        foreach (var key in request.Keys)
        {
            var entry = await store.GetAsync(request.StoreName, Scoped(key), context.CancellationToken);
            response.Items.Add(entry is null
                ? new BulkStateItem { Key = key }
                : new BulkStateItem { Key = key, Data = ByteString.CopyFrom(entry.Value), Etag = entry.ETag });
        }

        return response;
    }

    public override Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context) =>
        ApplyAsync(request.StoreName, request.States.Select(ToUpsert).ToList(), StatusCode.Aborted,
            $"failed saving state in state store {request.StoreName}: {{0}}", context);

    public override Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context) =>
        ApplyAsync(request.StoreName, [new StateOperation(Scoped(request.Key), null, request.Etag?.Value)], StatusCode.Aborted,
            $"failed deleting state with key {request.Key}: {{0}}", context);

    public override Task<Empty> DeleteBulkState(DeleteBulkStateRequest request, ServerCallContext context) =>
        ApplyAsync(request.StoreName, request.States.Select(s => new StateOperation(Scoped(s.Key), null, s.Etag?.Value)).ToList(),
            StatusCode.Aborted, $"failed deleting state in state store {request.StoreName}: {{0}}", context);

    public override async Task<Empty> ExecuteStateTransaction(ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var outboxEvents = outboxes.Routes.TryGetValue(request.StoreName, out var route)
            ? TransactionalOutbox.EventsFor(app.AppId, route, request.Operations)
            : [];
        var operations = new List<StateOperation>();
        foreach (var operation in request.Operations.Where(o => route is null || !TransactionalOutbox.IsProjection(o)))
        {
            operations.Add(operation.OperationType switch
            {
                "upsert" => ToUpsert(operation.Request),
                "delete" => new StateOperation(Scoped(operation.Request.Key), null, operation.Request.Etag?.Value),
                var other => throw new RpcException(new Status(StatusCode.Unimplemented, $"operation type {other} not supported")),
            });
        }

        // daprd reports every failed transaction, ETag mismatches included, as Internal.
        await ApplyAsync(request.StoreName, operations, StatusCode.Internal, "error while executing state transaction: {0}", context);
        foreach (var published in outboxEvents)
        {
            await broker.PublishAsync(published, CancellationToken.None);
        }

        return new Empty();
    }

    public override Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new GetMetadataResponse
        {
            Id = app.AppId,
            RuntimeVersion = "stowage-local-sidecar",
            RegisteredComponents =
            {
                new RegisteredComponents { Name = "statestore", Type = "state.stowage-local", Version = "v1", Capabilities = { "ETAG", "TRANSACTIONAL", "ACTOR" } },
                new RegisteredComponents { Name = "pubsub", Type = "pubsub.stowage-local", Version = "v1" },
            },
        });

    private StateOperation ToUpsert(StateItem item) => new(
        Scoped(item.Key), item.Value.ToByteArray(), item.Etag?.Value,
        CreateOnly: item.Options?.Concurrency == StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite);

    private string Scoped(string key) => $"{app.AppId}||{key}";

    private async Task<Empty> ApplyAsync(
        string storeName, IReadOnlyList<StateOperation> operations, StatusCode mismatchCode, string messageFormat, ServerCallContext context)
    {
        try
        {
            await store.ApplyAsync(storeName, operations, context.CancellationToken);
            return new Empty();
        }
        catch (ETagMismatchException mismatch)
        {
            throw new RpcException(new Status(mismatchCode, string.Format(System.Globalization.CultureInfo.InvariantCulture, messageFormat, mismatch.Message)));
        }
    }
}
