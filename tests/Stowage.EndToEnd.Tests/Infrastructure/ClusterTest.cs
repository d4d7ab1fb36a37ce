using Stowage.Testing.S3;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>A test class that gets a whole, fresh Stowage installation for each test.</summary>
public abstract class ClusterTest(S3ServerFixture s3) : IAsyncLifetime
{
    protected S3ServerFixture S3 { get; } = s3;

    protected StowageCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await StowageCluster.StartAsync(S3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
