using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowAppIsolationTests
{
    [Fact]
    public async Task Apps_on_one_sidecar_run_their_own_workflows_of_the_same_name()
    {
        await using var sidecar = await Sidecars.StartAsync("mover", "restore");
        await using var mover = await StartAsync(sidecar, "mover");
        await using var restore = await StartAsync(sidecar, "restore");

        var moverRun = await RunAsync(mover, "run-1");
        var restoreRun = await RunAsync(restore, "run-1");

        Assert.Equal("mover did run-1", moverRun);
        Assert.Equal("restore did run-1", restoreRun);
    }

    private static Task<TestApp> StartAsync(Stowage.LocalSidecar.Hosting.LocalSidecarHost sidecar, string appId) =>
        TestApp.StartAsync(sidecar.EndpointsOf(appId), b => b.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<string, string>("CopyWorkflow", (context, input) => context.CallActivityAsync<string>("Copy", input));
            options.RegisterActivity<string, string>("Copy", (_, input) => Task.FromResult($"{appId} did {input}"));
        }), _ => { });

    private static async Task<string?> RunAsync(TestApp app, string instanceId)
    {
        var client = app.Services.GetRequiredService<DaprWorkflowClient>();
        await client.ScheduleNewWorkflowAsync("CopyWorkflow", instanceId, instanceId);
        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        return (await client.WaitForWorkflowCompletionAsync(instanceId, cancellation: deadline.Token)).ReadOutputAs<string>();
    }
}
