using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Volumes;
using Stowage.LocalCluster;

namespace Stowage.Mover.Tests.Runtime;

public sealed class KubeletVolumeLocatorTests : IAsyncLifetime
{
    private readonly DirectoryInfo pods = Directory.CreateTempSubdirectory("stowage-kubelet-");
    private FakeKubernetesApiServer kubernetes = null!;

    public async Task InitializeAsync() => kubernetes = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await kubernetes.DisposeAsync();
        pods.Delete(recursive: true);
    }

    private KubeletVolumeLocator Locator() =>
        new(kubernetes.CreateClient(), Options.Create(new MoverOptions { VolumeAccess = "kubelet", KubeletPodsRoot = pods.FullName }));

    private async Task DeployAsync(string phase)
    {
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = "data-db-0", ["namespace"] = "shop" },
            ["spec"] = new JsonObject { ["volumeName"] = "pvc-1234" },
        });
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "db-0", ["namespace"] = "shop", ["uid"] = "pod-uid-1" },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "db", ["image"] = "postgres:16" }),
                ["volumes"] = new JsonArray(new JsonObject { ["name"] = "data", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = "data-db-0" } }),
            },
            ["status"] = new JsonObject { ["phase"] = phase },
        });
    }

    [Fact]
    public async Task A_csi_volume_is_found_in_its_pods_kubelet_mount_folder()
    {
        await DeployAsync("Running");
        var uid = (string)kubernetes.Get("v1", "Pod", "shop", "db-0")!["metadata"]!["uid"]!;
        var mount = Directory.CreateDirectory(Path.Combine(pods.FullName, uid, "volumes", "kubernetes.io~csi", "pvc-1234", "mount")).FullName;

        Assert.Equal(mount, await Locator().LocateAsync("shop", "data-db-0", create: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_no_running_pod_mounts_on_this_node_is_reported_by_name()
    {
        await DeployAsync("Pending");
        var error = await Assert.ThrowsAsync<VolumeNotFoundException>(() => Locator().LocateAsync("shop", "data-db-0", create: false, CancellationToken.None));
        Assert.Contains("shop/data-db-0", error.Message);
    }
}
