using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests;

/// <summary>A run forged into the bucket by someone who can write it cannot make a restore write outside the volume root.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ForgedRunRestoreTests(S3ServerFixture s3)
{
    [Fact]
    public async Task A_run_whose_manifest_names_a_claim_that_escapes_is_refused_and_nothing_is_written()
    {
        await using var cluster = await StowageCluster.StartAsync(s3, services: ["restore"]);
        var target = StowageApi.S3Target(cluster, await s3.CreateBucketAsync("e2e-forged-run"));
        var source = Directory.CreateTempSubdirectory("stowage-e2e-forged-").FullName;
        File.WriteAllText(Path.Combine(source, "authorized_keys"), "ssh-ed25519 AAAA attacker");
        var escape = Path.Combine(Path.GetDirectoryName(cluster.VolumeRoot)!, "escaped");
        await ForgeRunAsync(target, source, claim: "../../" + Path.GetFileName(escape));

        var report = await StowageApi.RestoreAsync(cluster, new RestoreRequest(target, RunId: "forged", TargetNamespace: "shop"));

        Assert.Equal("Failed", report.GetProperty("outcome").GetString());
        Assert.Contains("names the claim '../../escaped', which is not a Kubernetes object name", report.GetProperty("reason").GetString());
        Assert.False(Directory.Exists(escape));
        Assert.True(!Directory.Exists(cluster.VolumeRoot) || !Directory.EnumerateFileSystemEntries(cluster.VolumeRoot).Any());
        Assert.Empty(cluster.Kubernetes.List("v1", "PersistentVolumeClaim"));
    }

    private Task ForgeRunAsync(BackupTarget target, string source, string claim) => BucketRuns.WriteAsync(s3, target, async runs =>
    {
        var volume = await runs.BackupVolumeAsync("forged", "policy-forged", "shop/db", claim, source, null, CancellationToken.None);
        await runs.RecordRunAsync(new RunManifest("forged", "policy-forged", new ApplicationRef("shop", "db"), DateTimeOffset.UtcNow, null, [],
            [new VolumeSnapshotRef(claim, volume.Id, null, null, volume.Summary.Bytes)], []), CancellationToken.None);
    });
}
