using System.Net;

namespace Stowage.EndToEnd.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class NewClusterRestoreTests(S3ServerFixture s3)
{
    [Fact]
    public async Task A_deleted_policy_stops_and_its_backup_restores_on_a_new_cluster_from_the_bucket_alone()
    {
        BackupTarget target;
        string volume;
        await using (var original = await StowageCluster.StartAsync(s3))
        {
            volume = await SampleApplication.DeployAsync(original.Kubernetes, "billing", "ledger");
            await StowageApi.WaitForDiscoveryAsync(original, "billing", "ledger");
            target = StowageApi.S3Target(original, await s3.CreateBucketAsync("e2e-new-cluster"));
            var policyId = await StowageApi.CreatePolicyAsync(original, new PolicySpec(new ApplicationRef("billing", "ledger"), target,
                new BackupSchedule(Interval: "1h"), new RetentionRule(3), Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));
            await Eventually.TrueAsync(() => StowageApi.FinishedRuns(original, policyId).Count == 1, "the first run", TimeSpan.FromSeconds(120));

            using var policy = original.Client("policy");
            Assert.Equal(HttpStatusCode.NoContent, (await policy.DeleteAsync($"/policies/{policyId}")).StatusCode);
            using var scheduler = original.Client("scheduler");
            await Eventually.TrueAsync(async () => (await scheduler.GetFromJsonAsync<JsonElement>($"/schedules/{policyId}")).GetProperty("runtimeStatus").GetString() == "Terminated",
                "the deleted policy's schedule to stop", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Conflict, (await scheduler.PostAsync($"/schedules/{policyId}/run-now", null)).StatusCode);

            // The data of the original is copied aside before the original cluster goes away with its folders.
            volume = CopyAside(volume);
        }

        await using var fresh = await StowageCluster.StartAsync(s3, services: ["restore"]);
        Assert.Empty(fresh.Kubernetes.List("apps/v1", "StatefulSet"));
        var backups = await StowageApi.ListBackupsAsync(fresh, target);
        Assert.Equal("billing/ledger", $"{backups.Single().GetProperty("application").GetProperty("namespace").GetString()}/{backups.Single().GetProperty("application").GetProperty("name").GetString()}");

        var report = await StowageApi.RestoreAsync(fresh, new RestoreRequest(target, Application: new ApplicationRef("billing", "ledger")));
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.Equal(TreeFingerprint.Of(volume), TreeFingerprint.Of(Path.Combine(fresh.VolumeRoot, "billing", "data-ledger-0")));
        Assert.NotNull(fresh.Kubernetes.Get("apps/v1", "StatefulSet", "billing", "ledger"));
        Assert.NotNull(fresh.Kubernetes.Get("v1", "PersistentVolumeClaim", "billing", "data-ledger-0"));
    }

    private static string CopyAside(string source)
    {
        var copy = Directory.CreateTempSubdirectory("stowage-e2e-original-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
