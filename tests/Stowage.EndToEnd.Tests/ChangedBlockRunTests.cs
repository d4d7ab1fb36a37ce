using Stowage.LocalCluster.SnapshotMetadata;

namespace Stowage.EndToEnd.Tests;

/// <summary>
/// Changed-block tracking in real runs: a block-mode volume whose CSI driver has a snapshot metadata service (the
/// stand-in, over TLS, reviewing the mover's token through the stand-in cluster under the chart's RBAC). The first
/// backup reads the whole device; the second asks the service what changed since the first's snapshot and reads only that.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class ChangedBlockRunTests(S3ServerFixture s3) : ClusterTest(s3)
{
    private const string Claim = "data-ledger-0";
    private const int Size = 32 * 1024 * 1024;
    private const int Page = 4096;

    private sealed record Setup(FakeSnapshotMetadataService Service, FakeCsiSnapshotter Snapshotter, List<TakenSnapshot> Taken, string Device, BackupTarget Target, string PolicyId)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Snapshotter.DisposeAsync();
            await Service.DisposeAsync();
        }
    }

    private async Task<Setup> FirstBackupAsync(string ns, string bucket)
    {
        await CsiStorage.DeclareAsync(Cluster.Kubernetes);
        await Cluster.Kubernetes.ApplyAsync(FakeSnapshotMetadataService.Crd());
        var service = await FakeSnapshotMetadataService.StartAsync(Cluster.Kubernetes.CreateClient(), new FakeSnapshotMetadataOptions { Driver = CsiStorage.Driver });
        await Cluster.Kubernetes.ApplyAsync(service.ServiceObject());
        var snapshotter = new FakeCsiSnapshotter(Cluster.Kubernetes, Cluster.VolumeRoot);
        var taken = new List<TakenSnapshot>();
        snapshotter.Taken += snapshot =>
        {
            service.AddSnapshot(new SnapshotImage(snapshot.Namespace, snapshot.Name, snapshot.Handle, Path.Combine(snapshot.Content, "device")));
            lock (taken) taken.Add(snapshot);
        };
        snapshotter.Deleted += snapshot => service.RemoveSnapshot(snapshot.Handle);
        var device = await SampleApplication.DeployAsync(Cluster.Kubernetes, ns, "ledger", storageClass: CsiStorage.StorageClass, blockBytes: Size);
        await StowageApi.WaitForDiscoveryAsync(Cluster, ns, "ledger");
        var target = StowageApi.S3Target(Cluster, await S3.CreateBucketAsync(bucket));
        var policyId = await StowageApi.CreatePolicyAsync(Cluster, new PolicySpec(new ApplicationRef(ns, "ledger"), target,
            new BackupSchedule(Interval: "1h"), new RetentionRule(3), CopyMethod.Snapshot, [new HookSpec(HookPhase.Pre, "postgres", ["true"])]));
        var setup = new Setup(service, snapshotter, taken, device, target, policyId);

        var first = await RunAsync(setup, 1);
        // No parent: the whole device is read.
        Assert.Null(first.Warnings);
        Assert.Equal(Size, first.BytesRead);
        return setup;
    }

    private async Task<VolumeResult> RunAsync(Setup setup, int count)
    {
        if (count > 1)
        {
            using var scheduler = Cluster.Client("scheduler");
            (await scheduler.PostAsync($"/schedules/{setup.PolicyId}/run-now", null)).EnsureSuccessStatusCode();
        }
        await Eventually.TrueAsync(() => StowageApi.FinishedRuns(Cluster, setup.PolicyId).Count == count, $"run {count}", TimeSpan.FromSeconds(120));
        var run = StowageApi.FinishedRuns(Cluster, setup.PolicyId)[count - 1];
        Assert.True(run.Outcome == RunOutcome.Succeeded, run.Reason);
        return Assert.Single(run.Volumes);
    }

    /// <summary>Rewrites a few 4 KiB pages of the device at scattered places.</summary>
    private static void ChangePages(string device, int pages)
    {
        var random = new Random(7);
        using var file = File.OpenHandle(device, FileMode.Open, FileAccess.ReadWrite);
        var page = new byte[Page];
        for (var i = 0; i < pages; i++)
        {
            random.NextBytes(page);
            RandomAccess.Write(file, page, (long)random.Next(Size / Page) * Page);
        }
    }

    private async Task AssertOnlySnapshotKeptAsync(string ns, TakenSnapshot kept) =>
        await Eventually.TrueAsync(() => Cluster.Kubernetes.List("snapshot.storage.k8s.io/v1", "VolumeSnapshot", ns)
            .Select(s => (string)s["metadata"]!["name"]!).SequenceEqual([kept.Name]), "the previous snapshot to be deleted, the newest kept");

    [Fact]
    public async Task A_second_backup_of_a_block_volume_reads_only_the_blocks_the_driver_says_changed()
    {
        await using var setup = await FirstBackupAsync("cbt", "e2e-cbt");
        ChangePages(setup.Device, 8);

        var second = await RunAsync(setup, 2);

        Assert.Null(second.Warnings);
        // Eight 32 KiB blocks hold the changed pages, plus the engine's sample of 16 unchanged blocks it verifies.
        Assert.InRange(second.BytesRead!.Value, 8 * Page, (8 + 16) * 32 * 1024);
        // One GetMetadataDelta call, from the start.
        Assert.Equal([0L], setup.Service.StartingOffsets);
        await AssertOnlySnapshotKeptAsync("cbt", setup.Taken[1]);

        var report = await StowageApi.RestoreAsync(Cluster, new RestoreRequest(setup.Target, Application: new ApplicationRef("cbt", "ledger"), TargetNamespace: "cbt-restored"));
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.True(File.ReadAllBytes(setup.Device).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Cluster.VolumeRoot, "cbt-restored", Claim, "device"))),
            "the restored device differs from the volume");
    }

    [Fact]
    public async Task A_base_the_driver_no_longer_has_is_read_in_full_with_a_warning_in_the_run()
    {
        await using var setup = await FirstBackupAsync("cbt-gone", "e2e-cbt-gone");
        ChangePages(setup.Device, 8);
        setup.Service.RemoveSnapshot(setup.Taken[0].Handle);

        var second = await RunAsync(setup, 2);

        var warning = Assert.Single(second.Warnings!);
        Assert.Contains("NotFound", warning);
        Assert.Equal(Size, second.BytesRead);
        await AssertOnlySnapshotKeptAsync("cbt-gone", setup.Taken[1]);
    }
}
