using Microsoft.Extensions.Configuration;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;
using Stowage.Policy.Targets;
using Stowage.Testing.Dapr;
using Stowage.Testing.S3;

namespace Stowage.Policy.Tests.Targets;

[Collection(S3ServerCollection.Name)]
public sealed class TargetCheckerTests(S3ServerFixture s3)
{
    // Exactly the test server's address is allowed, as the services are configured wherever tests start them.
    private TargetAddressPolicy Addresses(params string[] more) =>
        new(new TargetAddressOptions { AllowedAddresses = [new Uri(s3.ServiceUrl).Authority, .. more] });

    private TargetChecker CheckerWith(string accessKey, string secretKey, TargetAddressPolicy? addresses = null) => new(new CredentialsResolver(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Credentials:backup:AccessKeyId"] = accessKey,
            ["Credentials:backup:SecretAccessKey"] = secretKey,
            ["Credentials:backup:RepositoryPassword"] = "repository password",
        }).Build()), addresses ?? Addresses());

    private BackupTarget Target(string bucket) =>
        new(TargetProviders.GenericS3, bucket, new CredentialsRef(ConfigurationName: "backup"), Endpoint: s3.ServiceUrl, Prefix: "checks", Region: "us-east-1");

    [Fact]
    public async Task A_reachable_writable_bucket_passes_every_step()
    {
        var bucket = await s3.CreateBucketAsync("check-ok");
        var report = await CheckerWith(s3.AccessKey, s3.SecretKey).CheckAsync(Target(bucket), "default", CancellationToken.None);
        Assert.True(report.Passed, string.Join("; ", report.Steps.Select(s => s.Message)));
        Assert.Equal(["credentials", "bucket", "write", "delete"], report.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task A_wrong_secret_is_reported_as_a_wrong_secret()
    {
        var bucket = await s3.CreateBucketAsync("check-secret");
        var report = await CheckerWith(s3.AccessKey, "not-the-secret").CheckAsync(Target(bucket), "default", CancellationToken.None);
        Assert.False(report.Passed);
        Assert.Contains("secret access key is wrong", report.Steps[^1].Message);
    }

    [Fact]
    public async Task A_missing_bucket_is_named()
    {
        var report = await CheckerWith(s3.AccessKey, s3.SecretKey).CheckAsync(Target("no-such-bucket-here"), "default", CancellationToken.None);
        Assert.False(report.Passed);
        Assert.Contains("'no-such-bucket-here' does not exist", report.Steps[^1].Message);
    }

    [Fact]
    public async Task Missing_credentials_say_which_configuration_entry_to_add()
    {
        var checker = new TargetChecker(new CredentialsResolver(new ConfigurationBuilder().Build()), Addresses());
        var report = await checker.CheckAsync(Target("any-bucket"), "default", CancellationToken.None);
        Assert.Equal("credentials", Assert.Single(report.Steps).Name);
        Assert.Contains("Credentials:backup:AccessKeyId", report.Steps[0].Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_says_to_check_the_address()
    {
        var target = Target("any-bucket") with { Endpoint = "http://127.0.0.1:9" };
        var report = await CheckerWith(s3.AccessKey, s3.SecretKey, Addresses("127.0.0.1:9")).CheckAsync(target, "default", CancellationToken.None);
        Assert.False(report.Passed);
        Assert.Contains("Cannot reach", report.Steps[^1].Message);
    }

    [Fact]
    public async Task A_target_whose_name_resolves_to_a_refused_address_is_not_connected_to_and_the_report_says_why()
    {
        using var listener = new CountingListener();
        var target = Target("any-bucket") with { Endpoint = $"http://localhost:{listener.Port}" };
        var report = await CheckerWith(s3.AccessKey, s3.SecretKey).CheckAsync(target, "default", CancellationToken.None);
        Assert.False(report.Passed);
        Assert.Equal("bucket", report.Steps[^1].Name);
        Assert.Contains("loopback", report.Steps[^1].Message);
        Assert.Equal(0, listener.Accepted);
    }
}
