using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.Hosting;

public sealed class SidecarShutdownTests
{
    [Fact]
    public async Task The_sidecar_stops_while_an_app_still_holds_its_workflow_stream()
    {
        var sidecar = await Sidecars.StartAsync("holder");
        await using var app = await TestApp.StartAsync(sidecar.EndpointsOf("holder"), b => b.Services.AddDaprWorkflow(o =>
            o.RegisterWorkflow<string, string>("Echo", (_, input) => Task.FromResult(input))), _ => { });
        var client = app.Services.GetRequiredService<DaprWorkflowClient>();
        var id = await client.ScheduleNewWorkflowAsync("Echo", "echo-1", "hi");
        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        await client.WaitForWorkflowCompletionAsync(id, cancellation: deadline.Token);

        // Far below Kestrel's 30 s graceful-shutdown timeout, which an open stream would otherwise run into.
        await sidecar.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
    }
}
