using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;

namespace Stowage.Restore.Tests.Mapping;

public sealed class ManifestNamesTests
{
    private static readonly string SnapshotId = new('a', 64);

    private static RunManifest Manifest(params string[] claims) => WithSnapshot(SnapshotId, claims);

    private static RunManifest WithSnapshot(string snapshotId, params string[] claims) => new("run-1", "policy-1", new ApplicationRef("shop", "db"), DateTimeOffset.UnixEpoch, null, [],
        claims.Select(c => new VolumeSnapshotRef(c, snapshotId, null, null, 0)).ToList(), []);

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

    [Theory]
    [InlineData("latest")]
    [InlineData("aaaaaaaa")]
    [InlineData("--keep-setuid")]
    [InlineData("")]
    public void A_snapshot_id_that_is_not_a_whole_id_is_named(string snapshotId) =>
        Assert.Equal("the snapshot of claim 'data-db-0', whose id is not a snapshot id (64 hexadecimal digits)",
            ManifestNames.FindUnsafe(WithSnapshot(snapshotId, "data-db-0"), "shop"));

    [Fact]
    public void Kubernetes_names_pass() => Assert.Null(ManifestNames.FindUnsafe(Manifest("data-db-0", "wal.db-1"), "shop"));
}
