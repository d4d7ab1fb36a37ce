using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Stowage.LocalSidecar.Grpc;

namespace Stowage.LocalSidecar.Workflows;

/// Server binding for Dapr's <c>TaskHubSidecarService</c>; Dapr.Workflow ships only its client stubs.
[BindServiceMethod(typeof(TaskHubSidecarServiceBase), nameof(BindService))]
internal abstract class TaskHubSidecarServiceBase
{
    private static readonly string ServiceName = TaskHubSidecarService.Descriptor.FullName;

    public abstract Task<Empty> Hello(Empty request, ServerCallContext context);
    public abstract Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context);
    public abstract Task<GetInstanceResponse> GetInstance(GetInstanceRequest request, ServerCallContext context);
    public abstract Task<GetInstanceResponse> WaitForInstanceStart(GetInstanceRequest request, ServerCallContext context);
    public abstract Task<GetInstanceResponse> WaitForInstanceCompletion(GetInstanceRequest request, ServerCallContext context);
    public abstract Task<RaiseEventResponse> RaiseEvent(RaiseEventRequest request, ServerCallContext context);
    public abstract Task<TerminateResponse> TerminateInstance(TerminateRequest request, ServerCallContext context);
    public abstract Task<SuspendResponse> SuspendInstance(SuspendRequest request, ServerCallContext context);
    public abstract Task<ResumeResponse> ResumeInstance(ResumeRequest request, ServerCallContext context);
    public abstract Task<PurgeInstancesResponse> PurgeInstances(PurgeInstancesRequest request, ServerCallContext context);
    public abstract Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> stream, ServerCallContext context);
    public abstract Task<CompleteTaskResponse> CompleteActivityTask(ActivityResponse request, ServerCallContext context);
    public abstract Task<CompleteTaskResponse> CompleteOrchestratorTask(WorkflowResponse request, ServerCallContext context);
    public abstract Task<CompleteTaskResponse> CompleteWorkflowTask(WorkflowResponse request, ServerCallContext context);
    public abstract Task<ListInstanceIDsResponse> ListInstanceIDs(ListInstanceIDsRequest request, ServerCallContext context);
    public abstract Task<GetInstanceHistoryResponse> GetInstanceHistory(GetInstanceHistoryRequest request, ServerCallContext context);

    public static void BindService(ServiceBinderBase binder, TaskHubSidecarServiceBase? service)
    {
        Add<Empty, Empty>(binder, nameof(Hello), service is null ? null : service.Hello);
        Add<CreateInstanceRequest, CreateInstanceResponse>(binder, nameof(StartInstance), service is null ? null : service.StartInstance);
        Add<GetInstanceRequest, GetInstanceResponse>(binder, nameof(GetInstance), service is null ? null : service.GetInstance);
        Add<GetInstanceRequest, GetInstanceResponse>(binder, nameof(WaitForInstanceStart), service is null ? null : service.WaitForInstanceStart);
        Add<GetInstanceRequest, GetInstanceResponse>(binder, nameof(WaitForInstanceCompletion), service is null ? null : service.WaitForInstanceCompletion);
        Add<RaiseEventRequest, RaiseEventResponse>(binder, nameof(RaiseEvent), service is null ? null : service.RaiseEvent);
        Add<TerminateRequest, TerminateResponse>(binder, nameof(TerminateInstance), service is null ? null : service.TerminateInstance);
        Add<SuspendRequest, SuspendResponse>(binder, nameof(SuspendInstance), service is null ? null : service.SuspendInstance);
        Add<ResumeRequest, ResumeResponse>(binder, nameof(ResumeInstance), service is null ? null : service.ResumeInstance);
        Add<PurgeInstancesRequest, PurgeInstancesResponse>(binder, nameof(PurgeInstances), service is null ? null : service.PurgeInstances);
        binder.AddMethod(
            ProtobufMethods.ServerStreaming<GetWorkItemsRequest, WorkItem>(ServiceName, nameof(GetWorkItems)),
            (service is null ? null : new ServerStreamingServerMethod<GetWorkItemsRequest, WorkItem>(service.GetWorkItems))!);
        Add<ActivityResponse, CompleteTaskResponse>(binder, nameof(CompleteActivityTask), service is null ? null : service.CompleteActivityTask);
        Add<WorkflowResponse, CompleteTaskResponse>(binder, nameof(CompleteOrchestratorTask), service is null ? null : service.CompleteOrchestratorTask);
        Add<WorkflowResponse, CompleteTaskResponse>(binder, nameof(CompleteWorkflowTask), service is null ? null : service.CompleteWorkflowTask);
        Add<ListInstanceIDsRequest, ListInstanceIDsResponse>(binder, nameof(ListInstanceIDs), service is null ? null : service.ListInstanceIDs);
        Add<GetInstanceHistoryRequest, GetInstanceHistoryResponse>(binder, nameof(GetInstanceHistory), service is null ? null : service.GetInstanceHistory);
    }

    private static void Add<TRequest, TResponse>(ServiceBinderBase binder, string name, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        binder.AddMethod(ProtobufMethods.Unary<TRequest, TResponse>(ServiceName, name), handler!);
}
