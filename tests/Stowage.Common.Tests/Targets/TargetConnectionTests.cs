using Amazon.S3.Model;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;
using Stowage.Testing.Dapr;

namespace Stowage.Common.Tests.Targets;

/// <summary>The check at connect time, after DNS resolution: it holds even for a target that never went through validation.</summary>
public sealed class TargetConnectionTests : IDisposable
{
    private static readonly TargetCredentials Keys = new("access", "secret", "password");

    private readonly CountingListener listener = new();

    public void Dispose() => listener.Dispose();

    private BackupTarget Target(string host) =>
        new(TargetProviders.GenericS3, "bucket", new CredentialsRef(ConfigurationName: "x"), Endpoint: $"http://{host}:{listener.Port}", Region: "us-east-1");

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_client_does_not_connect_to_a_host_that_resolves_to_loopback(string host)
    {
        using var s3 = S3ClientFactory.Create(Target(host), Keys, TargetAddressPolicy.Default);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "bucket" }));
        var refusal = Assert.IsType<TargetAddressRefusedException>(Innermost(failure));
        Assert.Contains("loopback", refusal.Message);
        Assert.Equal(0, listener.Accepted);
    }

    [Fact]
    public async Task The_same_client_connects_when_that_address_and_port_are_allowed()
    {
        var policy = new TargetAddressPolicy(new TargetAddressOptions { AllowedAddresses = [$"127.0.0.1:{listener.Port}"] });
        using var s3 = S3ClientFactory.Create(Target("localhost"), Keys, policy);
        // The listener closes each connection at once, so the request fails, but only after connecting.
        await Assert.ThrowsAnyAsync<Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "bucket" }));
        Assert.True(listener.Accepted > 0);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
