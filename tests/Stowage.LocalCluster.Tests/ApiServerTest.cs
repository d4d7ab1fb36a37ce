using k8s;

namespace Stowage.LocalCluster.Tests;

/// <summary>A fake API server (no workloads) of the test's own with the given namespaces, and an admin client.</summary>
public abstract class ApiServerTest(params string[] namespaces) : IAsyncLifetime
{
    protected FakeKubernetesApiServer Server { get; private set; } = null!;

    protected IKubernetes Client { get; private set; } = null!;

    protected virtual FakeKubernetesApiServerOptions Options => new() { Namespaces = ["default", .. namespaces] };

    public async Task InitializeAsync()
    {
        Server = await FakeKubernetesApiServer.StartAsync(Options);
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
