using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.FakeKubernetes;

/// <summary>One fake API server per test class; each test uses its own namespace so tests do not see each other.</summary>
public sealed class FakeServerFixture : IAsyncLifetime
{
    public FakeKubernetesApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
