using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Testing.Dapr;

namespace Stowage.Mover.Tests.Runtime;

/// <summary>
/// A target that reached the mover without validation (an old policy, a forged event) is still refused when it connects,
/// at once: a refusal is not an outage to wait out.
/// </summary>
public sealed class RepositoryOpenerAddressTests
{
    [Fact]
    public async Task A_target_whose_name_resolves_to_loopback_fails_at_once_and_nothing_is_sent()
    {
        using var listener = new CountingListener();
        var credentials = new CredentialsResolver(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Credentials:t:AccessKeyId"] = "access", ["Credentials:t:SecretAccessKey"] = "secret", ["Credentials:t:RepositoryPassword"] = "password",
        }).Build());
        var opener = new RepositoryOpener(credentials, TargetAddressPolicy.Default,
            Options.Create(new MoverOptions { TargetOutageTolerance = TimeSpan.FromMinutes(5) }));
        var target = new BackupTarget(TargetProviders.GenericS3, "team-bucket", new CredentialsRef(ConfigurationName: "t"),
            Endpoint: $"http://localhost:{listener.Port}", Region: "us-east-1");

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => opener.OpenAsync(target, "shop", createIfMissing: true, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited {clock.Elapsed} as if the store were down");
        Assert.Contains("loopback", failure.ToString());
        Assert.Equal(0, listener.Accepted);
    }
}
