using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Workflows;

/// A sidecar and one app whose workflows and activities the test registers.
internal sealed class WorkflowTestApp(LocalSidecarHost sidecar, TestApp app) : IAsyncDisposable
{
    public DaprWorkflowClient Client => app.Services.GetRequiredService<DaprWorkflowClient>();

    public static async Task<WorkflowTestApp> StartAsync(Action<WorkflowRuntimeOptions> register)
    {
        var sidecar = await Sidecars.StartAsync("workflow-app");
        var app = await TestApp.StartAsync(sidecar.EndpointsOf("workflow-app"), b => b.Services.AddDaprWorkflow(register), _ => { });
        return new WorkflowTestApp(sidecar, app);
    }

    public async Task<WorkflowState> CompletionOfAsync(string instanceId)
    {
        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        return await Client.WaitForWorkflowCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
    }
}
