using Stowage.Testing.S3;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>A test class that gets a whole, fresh Stowage installation for each test.</summary>
public abstract class ClusterTest(S3ServerFixture s3) : IAsyncLifetime
{
    protected S3ServerFixture S3 { get; } = s3;

    protected StowageCluster Cluster { get; private set; } = null!;

    /// <summary>Settings every service of this class's installations gets, beside the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync() => Cluster = await StowageCluster.StartAsync(S3, settings: Settings);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
