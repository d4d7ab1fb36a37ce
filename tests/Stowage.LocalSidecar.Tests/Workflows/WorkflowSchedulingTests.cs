using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowSchedulingTests
{
    private const int Parallelism = 8;
    private int _started;

    [Fact]
    public async Task Activities_fanned_out_by_one_workflow_run_at_the_same_time()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
        {
            options.RegisterWorkflow<int, int>("FanOut", async (context, count) =>
            {
                var copies = Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("CopyVolume", i));
                return (await Task.WhenAll(copies)).Sum();
            });
            options.RegisterActivity<int, int>("CopyVolume", async (_, volume) =>
            {
                // Every copy waits until all have started, so this only finishes if they truly run concurrently.
                Interlocked.Increment(ref _started);
                await Eventually.TrueAsync(() => Volatile.Read(ref _started) >= Parallelism, "all copies started");
                return volume;
            });
        });

        var id = await app.Client.ScheduleNewWorkflowAsync("FanOut", "fan-out-1", Parallelism);
        var state = await app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, Parallelism).Sum(), state.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_timer_months_away_leaves_the_workflow_responsive()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
            options.RegisterWorkflow<string, string>("Retention", async (context, _) =>
            {
                using var cancelTimer = new CancellationTokenSource();
                var expiry = context.CreateTimer(context.CurrentUtcDateTime.AddDays(90), cancelTimer.Token);
                var wake = context.WaitForExternalEventAsync<string>("wake");
                var winner = await Task.WhenAny(expiry, wake);
                cancelTimer.Cancel();
                return winner == wake ? await wake : "expired";
            }));

        var id = await app.Client.ScheduleNewWorkflowAsync("Retention", "retention-1", "x");
        await Eventually.TrueAsync(async () => (await app.Client.GetWorkflowStateAsync(id)).RuntimeStatus == WorkflowRuntimeStatus.Running, "it runs");
        await app.Client.RaiseEventAsync(id, "wake", "woken");
        var state = await app.CompletionOfAsync(id);

        Assert.Equal("woken", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_indefinite_wait_for_an_event_replays_correctly_after_later_turns()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
        {
            options.RegisterWorkflow<string, string>("Approval", async (context, _) =>
            {
                var decision = await context.WaitForExternalEventAsync<string>("decision", Timeout.InfiniteTimeSpan);
                var first = await context.CallActivityAsync<string>("Stamp", decision);
                return await context.CallActivityAsync<string>("Stamp", first);
            });
            options.RegisterActivity<string, string>("Stamp", (_, value) => Task.FromResult($"{value}!"));
        });

        var id = await app.Client.ScheduleNewWorkflowAsync("Approval", "approval-1", "x");
        await Eventually.TrueAsync(async () => (await app.Client.GetWorkflowStateAsync(id)).RuntimeStatus == WorkflowRuntimeStatus.Running, "it runs");
        await app.Client.RaiseEventAsync(id, "decision", "yes");
        var state = await app.CompletionOfAsync(id);

        Assert.Equal("yes!!", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_wait_for_an_event_with_a_timeout_ends_when_the_timeout_passes()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
            options.RegisterWorkflow<string, string>("Patient", async (context, _) =>
            {
                try
                {
                    return await context.WaitForExternalEventAsync<string>("never", TimeSpan.FromMilliseconds(300));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }));

        var id = await app.Client.ScheduleNewWorkflowAsync("Patient", "patient-1", "x");
        var state = await app.CompletionOfAsync(id);

        Assert.Equal("timed out", state.ReadOutputAs<string>());
    }
}
