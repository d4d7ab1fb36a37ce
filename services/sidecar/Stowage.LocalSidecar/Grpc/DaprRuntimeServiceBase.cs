using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Stowage.LocalSidecar.Grpc;

/// Server binding for the part of <c>dapr.proto.runtime.v1.Dapr</c> that the sidecar serves; methods it lacks answer Unimplemented.
[BindServiceMethod(typeof(DaprRuntimeServiceBase), nameof(BindService))]
internal abstract class DaprRuntimeServiceBase
{
    private static readonly string ServiceName = global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor.FullName;

    public abstract Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context);

    public abstract Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context);

    public abstract Task<GetBulkStateResponse> GetBulkState(GetBulkStateRequest request, ServerCallContext context);

    public abstract Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context);

    public abstract Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context);

    public abstract Task<Empty> DeleteBulkState(DeleteBulkStateRequest request, ServerCallContext context);

    public abstract Task<Empty> ExecuteStateTransaction(ExecuteStateTransactionRequest request, ServerCallContext context);

    public abstract Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context);

    public static void BindService(ServiceBinderBase binder, DaprRuntimeServiceBase? service)
    {
        Add<PublishEventRequest, Empty>(binder, nameof(PublishEvent), service is null ? null : service.PublishEvent);
        Add<GetStateRequest, GetStateResponse>(binder, nameof(GetState), service is null ? null : service.GetState);
        Add<GetBulkStateRequest, GetBulkStateResponse>(binder, nameof(GetBulkState), service is null ? null : service.GetBulkState);
        Add<SaveStateRequest, Empty>(binder, nameof(SaveState), service is null ? null : service.SaveState);
        Add<DeleteStateRequest, Empty>(binder, nameof(DeleteState), service is null ? null : service.DeleteState);
        Add<DeleteBulkStateRequest, Empty>(binder, nameof(DeleteBulkState), service is null ? null : service.DeleteBulkState);
        Add<ExecuteStateTransactionRequest, Empty>(binder, nameof(ExecuteStateTransaction), service is null ? null : service.ExecuteStateTransaction);
        Add<GetMetadataRequest, GetMetadataResponse>(binder, nameof(GetMetadata), service is null ? null : service.GetMetadata);
    }

    private static void Add<TRequest, TResponse>(ServiceBinderBase binder, string name, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        binder.AddMethod(ProtobufMethods.Unary<TRequest, TResponse>(ServiceName, name), handler!);
}
