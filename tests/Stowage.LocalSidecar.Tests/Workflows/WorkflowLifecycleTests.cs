using Dapr.Workflow;
using Dapr.Workflow.Client;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowLifecycleTests : IAsyncLifetime
{
    private WorkflowTestApp _app = null!;
    private volatile bool _resumed;
    private bool? _activityRanAfterResume;

    public async Task InitializeAsync() => _app = await WorkflowTestApp.StartAsync(options =>
    {
        options.RegisterWorkflow<string, string>("AwaitGo", async (context, _) =>
        {
            var go = await context.WaitForExternalEventAsync<string>("go");
            return await context.CallActivityAsync<string>("Record", go);
        });
        options.RegisterWorkflow<string, string>("Parent", (context, id) =>
            context.CallChildWorkflowAsync<string>("AwaitGo", "x", new ChildWorkflowTaskOptions($"{id}-child")));
        options.RegisterWorkflow<string, string>("Broken", (_, _) => throw new InvalidOperationException("no target configured"));
        options.RegisterActivity<string, string>("Record", (_, go) =>
        {
            _activityRanAfterResume ??= _resumed;
            return Task.FromResult($"went {go}");
        });
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Status_shows_Running_while_waiting_and_Completed_with_the_output()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("AwaitGo", "status-1", "x");
        await Eventually.TrueAsync(async () => (await _app.Client.GetWorkflowStateAsync(id)).RuntimeStatus == WorkflowRuntimeStatus.Running, "it runs");

        await _app.Client.RaiseEventAsync(id, "go", "now");
        var state = await _app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("went now", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_workflow_that_throws_is_Failed_with_the_failure_details()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("Broken", "broken-1", "x");
        var state = await _app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException", state.FailureDetails!.ErrorType);
        Assert.Equal("no target configured", state.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task A_terminated_workflow_is_Terminated()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("AwaitGo", "terminate-1", "x");
        await _app.Client.WaitForWorkflowStartAsync(id);

        await _app.Client.TerminateWorkflowAsync(id, "stopped by test");
        var state = await _app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Terminated, state.RuntimeStatus);
    }

    [Fact]
    public async Task Terminating_and_purging_a_parent_also_terminates_and_purges_its_child()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("Parent", "parent-1", "parent-1");
        await Eventually.TrueAsync(async () => (await _app.Client.GetWorkflowStateAsync("parent-1-child")).RuntimeStatus == WorkflowRuntimeStatus.Running, "the child runs");

        await _app.Client.TerminateWorkflowAsync(id);
        await Eventually.TrueAsync(async () => (await _app.Client.GetWorkflowStateAsync("parent-1-child")).RuntimeStatus == WorkflowRuntimeStatus.Terminated, "the child is terminated");
        Assert.Equal(WorkflowRuntimeStatus.Terminated, (await _app.CompletionOfAsync(id)).RuntimeStatus);

        Assert.True(await _app.Client.PurgeInstanceAsync(id));
        Assert.False((await _app.Client.GetWorkflowStateAsync("parent-1-child")).Exists);
    }

    [Fact]
    public async Task A_suspended_workflow_holds_its_events_until_resumed()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("AwaitGo", "suspend-1", "x");
        await Eventually.TrueAsync(async () => (await _app.Client.GetWorkflowStateAsync(id)).RuntimeStatus == WorkflowRuntimeStatus.Running, "it runs");

        await _app.Client.SuspendWorkflowAsync(id, "maintenance");
        await Eventually.TrueAsync(async () => (await _app.Client.GetWorkflowStateAsync(id)).RuntimeStatus == WorkflowRuntimeStatus.Suspended, "it is suspended");
        await _app.Client.RaiseEventAsync(id, "go", "later");
        _resumed = true;
        await _app.Client.ResumeWorkflowAsync(id, "done");
        var state = await _app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.True(_activityRanAfterResume);
    }

    [Fact]
    public async Task A_finished_workflow_is_listed_and_its_history_tells_what_happened()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("AwaitGo", "history-1", "x");
        await _app.Client.RaiseEventAsync(id, "go", "now");
        await _app.CompletionOfAsync(id);

        var page = await _app.Client.ListInstanceIdsAsync();
        var history = (await _app.Client.GetInstanceHistoryAsync(id)).Select(e => e.EventType).ToList();

        Assert.Contains(id, page.InstanceIds);
        Assert.Equal(WorkflowHistoryEventType.ExecutionStarted, history.First(t => t != WorkflowHistoryEventType.OrchestratorStarted));
        Assert.Contains(WorkflowHistoryEventType.EventRaised, history);
        Assert.Contains(WorkflowHistoryEventType.TaskCompleted, history);
        Assert.Equal(WorkflowHistoryEventType.ExecutionCompleted, history.Last(t => t != WorkflowHistoryEventType.OrchestratorCompleted));
    }

    [Fact]
    public async Task A_purged_workflow_no_longer_exists()
    {
        var id = await _app.Client.ScheduleNewWorkflowAsync("Broken", "purge-1", "x");
        await _app.CompletionOfAsync(id);

        Assert.True(await _app.Client.PurgeInstanceAsync(id));
        Assert.False((await _app.Client.GetWorkflowStateAsync(id)).Exists);
    }
}
