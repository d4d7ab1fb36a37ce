using System.Net.Http.Json;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Api;
using Stowage.Discovery.Runtime;
using Stowage.LocalCluster;

namespace Stowage.Discovery.Tests.Watching;

public sealed class BlastRadiusTests : IAsyncLifetime
{
    private FakeKubernetesApiServer server = null!;

    public async Task InitializeAsync() => server = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_forbidden_namespace_is_reported_and_does_not_stop_the_others_and_is_picked_up_once_allowed()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json", "minio-helm.json");
        server.DenyNamespace("storage");
        await using var discovery = DiscoveryHost.Start(server, namespaces: ["team-a", "storage"]);

        await discovery.EventsAsync(events => events.Contains("discovered team-a/wiki"), "the wiki in the allowed namespace");
        await discovery.CaughtUpAsync();
        var status = await discovery.Http.GetFromJsonAsync<DiscoveryStatus>("/discovery/status");

        Assert.Equal(["discovered team-a/wiki"], discovery.Events.Describe());
        Assert.True(status!.InitialSyncComplete);
        Assert.Contains(status.Watchers, w => w is { Namespace: "storage", State: "Forbidden", Kind: "StatefulSet" });
        Assert.All(status.Watchers.Where(w => w.Namespace == "team-a"), w => Assert.NotEqual("Forbidden", w.State));

        server.AllowNamespace("storage");
        await discovery.EventsAsync(events => events.Contains("discovered storage/minio"), "MinIO once its namespace is allowed");
        var minio = await discovery.Http.GetFromJsonAsync<ApplicationDescription>("/applications/storage/minio");
        Assert.Equal("minio", minio!.Kind.Name);
    }

    [Fact]
    public async Task Snapshot_classes_are_picked_up_once_their_CRD_is_installed()
    {
        await using var bare = await FakeKubernetesApiServer.StartAsync(new FakeKubernetesApiServerOptions { WithVolumeSnapshotApi = false });
        await bare.SeedAsync("deployment-with-pvc.json");
        await bare.ApplyAsync("""{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gp3"},"provisioner":"ebs.csi.aws.com"}""");
        await using var discovery = DiscoveryHost.Start(bare);
        await discovery.EventsAsync(events => events.Count == 1, "the wiki");
        var before = Assert.Single(discovery.Events.Of<ApplicationDiscovered>()).Application;

        await bare.ApplyAsync("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"volumesnapshotclasses.snapshot.storage.k8s.io"},
             "spec":{"group":"snapshot.storage.k8s.io","scope":"Cluster","names":{"kind":"VolumeSnapshotClass","plural":"volumesnapshotclasses","singular":"volumesnapshotclass"},
                     "versions":[{"name":"v1","served":true,"storage":true}]}}
            """);
        await bare.ApplyAsync("""{"apiVersion":"snapshot.storage.k8s.io/v1","kind":"VolumeSnapshotClass","metadata":{"name":"ebs-vsc"},"driver":"ebs.csi.aws.com","deletionPolicy":"Delete"}""");
        await discovery.EventsAsync(events => events.Count == 2, "the wiki to become snapshot-ready");

        var after = Assert.Single(discovery.Events.Of<ApplicationChanged>()).Application;
        Assert.Equal(ProtectionReadiness.FileCopyOnly, before.Status.Readiness);
        Assert.Equal((ProtectionReadiness.SnapshotReady, "ebs-vsc"), (after.Status.Readiness, after.Volumes[0].SnapshotClass));
    }

    [Fact]
    public async Task Objects_that_cannot_be_read_are_reported_and_everything_else_is_still_discovered()
    {
        await server.SeedAsync("cluster-storage.json", "deployment-with-pvc.json");
        await server.ApplyAsync("""{"apiVersion":"snapshot.storage.k8s.io/v1","kind":"VolumeSnapshotClass","metadata":{"name":"typo"},"driver":42,"deletionPolicy":"Delete"}""");
        await server.ApplyAsync("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"orphan-mount","namespace":"team-b"},
             "spec":{"containers":[{"name":"app","image":"busybox:1.36"}],"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"was-deleted"}}]}}
            """);
        await using var discovery = DiscoveryHost.Start(server);
        await discovery.EventsAsync(events => events.Count >= 2, "both applications");

        await server.ApplyAsync("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"garbled","namespace":"team-a"},"spec":{"containers":"not-a-list"}}""");
        await Eventually.TrueAsync(() => discovery.Service<DiscoveryStatusBoard>().UnreadableObjects.Any(p => p.Contains("Pod")), "the garbled pod to be reported");
        await server.SeedAsync("unlabeled-pods.json");
        await discovery.EventsAsync(events => events.Contains("discovered legacy/scratch"), "an application added after the garbled pod");

        var orphan = await discovery.Http.GetFromJsonAsync<ApplicationDescription>("/applications/team-b/orphan-mount");
        Assert.Equal(ProtectionReadiness.Degraded, orphan!.Status.Readiness);
        Assert.Contains(orphan.Status.Problems, problem => problem.Contains("was-deleted"));
        var wiki = await discovery.Http.GetFromJsonAsync<ApplicationDescription>("/applications/team-a/wiki");
        Assert.Equal(ProtectionReadiness.SnapshotReady, wiki!.Status.Readiness);
    }
}
