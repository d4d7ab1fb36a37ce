using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>A snapshot the stand-in driver took: its VolumeSnapshot, its CSI handle, and the folder that holds its content.</summary>
public sealed record TakenSnapshot(string Namespace, string Name, string Handle, string Content);

/// <summary>
/// Plays the CSI snapshot controller and provisioner that a real cluster runs: marks each VolumeSnapshot ready and
/// binds it to a VolumeSnapshotContent whose status carries the snapshot's handle (deleted, with the content's folder,
/// when the VolumeSnapshot is, as deletionPolicy Delete does), and fills each claim cloned from one with the files its source claim had when the snapshot was taken, plus a marker
/// file so a test can tell the copy came from the clone, and binds the clone. With <c>provisionClones: false</c> it
/// takes snapshots but never provisions a clone, as a CSI driver that is out of space would.
/// </summary>
public sealed class FakeCsiSnapshotter : IAsyncDisposable
{
    public const string Marker = "restored-from-csi-snapshot";

    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private readonly bool provisionClones;

    public FakeCsiSnapshotter(FakeKubernetesApiServer kubernetes, string volumeRoot, bool provisionClones = true)
    {
        this.provisionClones = provisionClones;
        loop = RunAsync(kubernetes, volumeRoot, stop.Token);
    }

    public int SnapshotsTaken { get; private set; }

    /// <summary>Called as each snapshot becomes ready, before the VolumeSnapshot says so.</summary>
    public event Action<TakenSnapshot>? Taken;

    /// <summary>Called as each snapshot's content is deleted after its VolumeSnapshot was.</summary>
    public event Action<TakenSnapshot>? Deleted;

    private async Task RunAsync(FakeKubernetesApiServer kubernetes, string volumeRoot, CancellationToken ct)
    {
        var sources = new Dictionary<string, string>();
        var taken = new Dictionary<string, TakenSnapshot>();
        while (!ct.IsCancellationRequested)
        {
            foreach (var (key, gone) in taken.Where(t => kubernetes.Get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", t.Value.Namespace, t.Value.Name) is null).ToList())
            {
                taken.Remove(key);
                sources.Remove(key);
                await kubernetes.DeleteAsync("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, ContentName(gone));
                Deleted?.Invoke(gone);
                Directory.Delete(gone.Content, recursive: true);
            }
            foreach (var snapshot in kubernetes.List("snapshot.storage.k8s.io/v1", "VolumeSnapshot").Where(s => s["status"]?["readyToUse"] is null))
            {
                var ns = (string)snapshot["metadata"]!["namespace"]!;
                var name = (string)snapshot["metadata"]!["name"]!;
                var source = (string)snapshot["spec"]!["source"]!["persistentVolumeClaimName"]!;
                var content = Path.Combine(volumeRoot, ".snapshots", ns, name);
                CopyTree(Path.Combine(volumeRoot, ns, source), content);
                sources[$"{ns}/{name}"] = content;
                var snap = new TakenSnapshot(ns, name, $"snap-handle-{(string?)snapshot["metadata"]!["uid"]}", content);
                await kubernetes.ApplyAsync(new JsonObject
                {
                    ["apiVersion"] = "snapshot.storage.k8s.io/v1", ["kind"] = "VolumeSnapshotContent", ["metadata"] = new JsonObject { ["name"] = ContentName(snap) },
                    ["spec"] = new JsonObject
                    {
                        ["driver"] = CsiStorage.Driver, ["deletionPolicy"] = "Delete",
                        ["volumeSnapshotRef"] = new JsonObject { ["namespace"] = ns, ["name"] = name },
                    },
                    ["status"] = new JsonObject { ["snapshotHandle"] = snap.Handle, ["readyToUse"] = true },
                });
                taken[$"{ns}/{name}"] = snap;
                Taken?.Invoke(snap);
                snapshot["status"] = new JsonObject { ["readyToUse"] = true, ["boundVolumeSnapshotContentName"] = ContentName(snap) };
                await kubernetes.ApplyAsync(snapshot);
                SnapshotsTaken++;
            }
            foreach (var claim in kubernetes.List("v1", "PersistentVolumeClaim").Where(c => (string?)c["spec"]?["dataSource"]?["kind"] == "VolumeSnapshot"))
            {
                var ns = (string)claim["metadata"]!["namespace"]!;
                var target = Path.Combine(volumeRoot, ns, (string)claim["metadata"]!["name"]!);
                if (!provisionClones || Directory.Exists(target) || !sources.TryGetValue($"{ns}/{(string)claim["spec"]!["dataSource"]!["name"]!}", out var content)) continue;
                CopyTree(content, target + ".provisioning");
                File.WriteAllText(Path.Combine(target + ".provisioning", Marker), "this file exists only in the clone");
                Directory.Move(target + ".provisioning", target);
                claim["spec"]!["volumeName"] = $"pvc-{(string?)claim["metadata"]!["uid"]}";
                claim["status"] = new JsonObject { ["phase"] = "Bound", ["capacity"] = claim["spec"]?["resources"]?["requests"]?.DeepClone() };
                await kubernetes.ApplyAsync(claim);
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static string ContentName(TakenSnapshot snapshot) => $"snapcontent-{snapshot.Handle}";

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
    }
}
