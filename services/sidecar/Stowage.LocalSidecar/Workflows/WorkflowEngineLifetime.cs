using Microsoft.Extensions.Hosting;

namespace Stowage.LocalSidecar.Workflows;

internal sealed class WorkflowEngineLifetime(WorkflowEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync();

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync();
}
