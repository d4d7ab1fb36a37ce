using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;

namespace Stowage.Restore.Tests.Mapping;

public sealed class ManifestNamesTests
{
    private static RunManifest Manifest(params string[] claims) => new("run-1", "policy-1", new ApplicationRef("shop", "db"), DateTimeOffset.UnixEpoch, null, [],
        claims.Select(c => new VolumeSnapshotRef(c, "abc", null, null, 0)).ToList(), []);

    [Theory]
    [InlineData("/root/.ssh")]
    [InlineData("../../etc")]
    [InlineData("data/../../x")]
    [InlineData("..")]
    [InlineData("Data-Upper")]
    [InlineData("")]
    public void A_claim_name_that_is_not_a_Kubernetes_name_is_named(string claim)
    {
        var problem = ManifestNames.FindUnsafe(Manifest("data-db-0", claim), "shop");

        Assert.Equal($"the claim '{claim}', which is not a Kubernetes object name (a DNS subdomain)", problem);
    }

    [Theory]
    [InlineData("../kube-system")]
    [InlineData("a.b")]
    [InlineData("/")]
    public void A_namespace_that_is_not_a_Kubernetes_namespace_name_is_named(string ns) =>
        Assert.Contains($"the namespace '{ns}'", ManifestNames.FindUnsafe(Manifest("data-db-0"), ns));

    [Fact]
    public void Kubernetes_names_pass() => Assert.Null(ManifestNames.FindUnsafe(Manifest("data-db-0", "wal.db-1"), "shop"));
}
