using System.Collections.Concurrent;
using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowFeatureTests
{
    private static readonly WorkflowTaskOptions RetryThreeTimes = new(new WorkflowRetryPolicy(5, TimeSpan.FromMilliseconds(100)));
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    [Fact]
    public async Task A_workflow_with_retry_timer_continue_as_new_external_event_and_child_completes_with_the_right_output()
    {
        await using var app = await WorkflowTestApp.StartAsync(Register);

        var instanceId = await app.Client.ScheduleNewWorkflowAsync("Pipeline", "pipeline-1", 0);
        await Eventually.TrueAsync(
            async () => (await app.Client.GetWorkflowStateAsync(instanceId)).ReadCustomStatusAs<string>() == "waiting-for-approval",
            "the second generation waits for approval");
        await app.Client.RaiseEventAsync(instanceId, "approval", "granted");
        var state = await app.CompletionOfAsync(instanceId);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("flaky ok after 3 attempts|child saw granted", state.ReadOutputAs<string>());
        Assert.Equal(3, _attempts["flaky"]);
    }

    [Fact]
    public async Task Events_not_yet_awaited_are_carried_into_the_next_generation_by_ContinueAsNew()
    {
        await using var app = await WorkflowTestApp.StartAsync(Register);
        var instanceId = await app.Client.ScheduleNewWorkflowAsync("TwoGenerations", "generations-1", 0);
        await Eventually.TrueAsync(
            async () => (await app.Client.GetWorkflowStateAsync(instanceId)).RuntimeStatus == WorkflowRuntimeStatus.Running, "it runs");

        // While suspended both events land in one turn, so the second is still unawaited when the first generation ends.
        await app.Client.SuspendWorkflowAsync(instanceId);
        await app.Client.RaiseEventAsync(instanceId, "first", "one");
        await app.Client.RaiseEventAsync(instanceId, "second", "two");
        await app.Client.ResumeWorkflowAsync(instanceId);
        var state = await app.CompletionOfAsync(instanceId);

        Assert.Equal("two", state.ReadOutputAs<string>());
    }

    private void Register(WorkflowRuntimeOptions options)
    {
        options.RegisterWorkflow<int, string>("TwoGenerations", async (context, generation) =>
        {
            if (generation == 0)
            {
                await context.WaitForExternalEventAsync<string>("first");
                context.ContinueAsNew(1, preserveUnprocessedEvents: true);
                return string.Empty;
            }

            return await context.WaitForExternalEventAsync<string>("second");
        });
        options.RegisterWorkflow<int, string>("Pipeline", async (context, generation) =>
        {
            if (generation == 0)
            {
                var flaky = await context.CallActivityAsync<string>("Flaky", "flaky", RetryThreeTimes);
                await context.CreateTimer(TimeSpan.FromMilliseconds(300));
                context.ContinueAsNew(1);
                return flaky;
            }

            context.SetCustomStatus("waiting-for-approval");
            var approval = await context.WaitForExternalEventAsync<string>("approval");
            var child = await context.CallChildWorkflowAsync<string>("Child", approval);
            return $"flaky ok after {_attempts["flaky"]} attempts|{child}";
        });
        options.RegisterWorkflow<string, string>("Child", async (context, approval) =>
            await context.CallActivityAsync<string>("Describe", approval));
        options.RegisterActivity<string, string>("Flaky", (_, key) =>
            _attempts.AddOrUpdate(key, 1, (_, n) => n + 1) < 3
                ? throw new InvalidOperationException("not yet")
                : Task.FromResult("ok"));
        options.RegisterActivity<string, string>("Describe", (_, approval) => Task.FromResult($"child saw {approval}"));
    }
}
