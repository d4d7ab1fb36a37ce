using Dapr.DurableTask.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace Stowage.LocalSidecar.Workflows;

/// Dapr's workflow gRPC service for one app, backed by that app's <see cref="WorkflowEngine"/>.
internal sealed class WorkflowSidecarService(WorkflowEngine engine, IHostApplicationLifetime lifetime) : TaskHubSidecarServiceBase
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly WorkflowInstanceCommands _commands = new(engine);

    public override Task<Empty> Hello(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override async Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context) =>
        new() { InstanceId = await _commands.StartAsync(request) };

    public override async Task<GetInstanceResponse> GetInstance(GetInstanceRequest request, ServerCallContext context)
    {
        var state = await engine.Service.GetOrchestrationStateAsync(request.InstanceId, executionId: null);
        return state is null
            ? new GetInstanceResponse { Exists = false }
            : new GetInstanceResponse { Exists = true, WorkflowState = WorkflowStateTranslator.ToProto(state, request.GetInputsAndOutputs) };
    }

    public override Task<GetInstanceResponse> WaitForInstanceStart(GetInstanceRequest request, ServerCallContext context) =>
        WaitUntilAsync(request, context, s => s != OrchestrationStatus.Pending);

    public override Task<GetInstanceResponse> WaitForInstanceCompletion(GetInstanceRequest request, ServerCallContext context) =>
        WaitUntilAsync(request, context, s => s is OrchestrationStatus.Completed or OrchestrationStatus.Failed
            or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled);

    public override async Task<RaiseEventResponse> RaiseEvent(RaiseEventRequest request, ServerCallContext context)
    {
        await _commands.RaiseAsync(request.InstanceId, request.Name, request.Input);
        return new RaiseEventResponse();
    }

    public override async Task<TerminateResponse> TerminateInstance(TerminateRequest request, ServerCallContext context)
    {
        await _commands.TerminateAsync(request.InstanceId, request.Output, request.Recursive);
        return new TerminateResponse();
    }

    public override async Task<SuspendResponse> SuspendInstance(SuspendRequest request, ServerCallContext context)
    {
        await _commands.SuspendAsync(request.InstanceId, request.Reason);
        return new SuspendResponse();
    }

    public override async Task<ResumeResponse> ResumeInstance(ResumeRequest request, ServerCallContext context)
    {
        await _commands.ResumeAsync(request.InstanceId, request.Reason);
        return new ResumeResponse();
    }

    public override async Task<PurgeInstancesResponse> PurgeInstances(PurgeInstancesRequest request, ServerCallContext context)
    {
        if (request.RequestCase != PurgeInstancesRequest.RequestOneofCase.InstanceId)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "purging by filter is not supported by the local sidecar"));
        }

        var deleted = await _commands.PurgeAsync(request.InstanceId, request.Recursive);
        return new PurgeInstancesResponse { DeletedInstanceCount = deleted, IsComplete = true };
    }

    public override async Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> stream, ServerCallContext context)
    {
        // Long-lived calls end when the sidecar stops, not only when the app hangs up, so stopping does not wait for apps.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        await engine.Hub.ServeAsync(stream, ended.Token);
    }

    public override Task<CompleteTaskResponse> CompleteActivityTask(ActivityResponse request, ServerCallContext context) =>
        Complete(request.CompletionToken, request);

    public override Task<CompleteTaskResponse> CompleteOrchestratorTask(WorkflowResponse request, ServerCallContext context) =>
        Complete(request.CompletionToken, request);

    public override Task<CompleteTaskResponse> CompleteWorkflowTask(WorkflowResponse request, ServerCallContext context) =>
        Complete(request.CompletionToken, request);

    public override async Task<ListInstanceIDsResponse> ListInstanceIDs(ListInstanceIDsRequest request, ServerCallContext context)
    {
        var query = new global::DurableTask.Core.Query.OrchestrationQuery
        {
            PageSize = request.HasPageSize ? (int)request.PageSize : 100,
            ContinuationToken = request.HasContinuationToken ? request.ContinuationToken : null,
        };
        var page = await engine.Service.GetOrchestrationWithQueryAsync(query, context.CancellationToken);
        var response = new ListInstanceIDsResponse();
        response.InstanceIds.AddRange(page.OrchestrationState.Select(s => s.OrchestrationInstance.InstanceId));
        if (page.ContinuationToken is { } token)
        {
            response.ContinuationToken = token;
        }

        return response;
    }

    public override Task<GetInstanceHistoryResponse> GetInstanceHistory(GetInstanceHistoryRequest request, ServerCallContext context)
    {
        var found = engine.HistoryLog.Find(request.InstanceId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: {request.InstanceId}"));
        var response = new GetInstanceHistoryResponse();
        response.Events.AddRange(found.Events
            .Select(e => engine.Translator.ToProto(e, request.InstanceId, found.ExecutionId))
            .OfType<HistoryEvent>());
        return Task.FromResult(response);
    }

    private Task<CompleteTaskResponse> Complete(string completionToken, Google.Protobuf.IMessage response) =>
        engine.Hub.Complete(completionToken, response)
            ? Task.FromResult(new CompleteTaskResponse())
            : throw new RpcException(new Status(StatusCode.NotFound, "no such work item is waiting for completion"));

    private async Task<GetInstanceResponse> WaitUntilAsync(GetInstanceRequest request, ServerCallContext context, Func<OrchestrationStatus, bool> reached)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        while (true)
        {
            var response = await GetInstance(request, context);
            if (!response.Exists || reached(response.WorkflowState.WorkflowStatus))
            {
                return response;
            }

            await Task.Delay(PollInterval, ended.Token);
        }
    }
}
