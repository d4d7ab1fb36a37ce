using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Stowage.Mover.Runtime.Snapshots;

/// <summary>A claim cloned from a CSI snapshot of a volume; the copy reads the clone, so the live volume is never read mid-write.</summary>
/// <param name="SnapshotHandle">The driver's id of the snapshot (VolumeSnapshotContent.status.snapshotHandle), the base a
/// later changed-block query names; null when the content does not say.</param>
/// <param name="Driver">The CSI driver that took it (VolumeSnapshotContent.spec.driver), whose snapshot metadata service may know its changed blocks.</param>
/// <param name="BlockMode">The claim is a raw block device (volumeMode Block), and so is its clone.</param>
public sealed record SnapshotClone(string Namespace, string SnapshotName, string CloneClaim, string? SnapshotHandle, string? Driver = null, bool BlockMode = false);

/// <summary>
/// Takes a CSI VolumeSnapshot of a claim, waits until it is ready, and creates a claim cloned from it (dataSource),
/// which the mover then reads like any volume. After a copy that succeeded, <see cref="ReleaseAsync"/> deletes the
/// clone and keeps the snapshot: it is the base the volume's next backup asks changed blocks against, and is deleted
/// (<see cref="DeleteSnapshotOfRunAsync"/>) once that next backup has finished. After a copy that failed,
/// <see cref="DiscardAsync"/> deletes both, never the previous base. Names derive from the run and the claim, so a
/// retried copy finds the snapshot it already took instead of taking another, and a run's snapshot can be found again
/// from the run id a repository snapshot's tags name.
/// </summary>
public sealed class CsiSnapshotCloner(IKubernetes kubernetes, TimeProvider clock)
{
    private const string Group = "snapshot.storage.k8s.io";
    private const string Version = "v1";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(10);

    public async Task<SnapshotClone> CloneAsync(string ns, string claim, string snapshotClass, string runId, CancellationToken ct)
    {
        var name = SnapshotNameFor(runId, claim);
        await CreateIfMissingAsync(() => kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "VolumeSnapshot",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "stowage" } },
            ["spec"] = new JsonObject { ["volumeSnapshotClassName"] = snapshotClass, ["source"] = new JsonObject { ["persistentVolumeClaimName"] = claim } },
        }, Group, Version, ns, "volumesnapshots", cancellationToken: ct));
        var (handle, driver) = await WaitReadyAsync(ns, name, ct);

        var source = await kubernetes.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(claim, ns, cancellationToken: ct);
        var clone = new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = $"{name}-clone", Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "stowage" } },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = source.Spec.AccessModes,
                VolumeMode = source.Spec.VolumeMode,
                StorageClassName = source.Spec.StorageClassName,
                Resources = source.Spec.Resources,
                DataSource = new V1TypedLocalObjectReference { ApiGroup = Group, Kind = "VolumeSnapshot", Name = name },
            },
        };
        await CreateIfMissingAsync(() => kubernetes.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(clone, ns, cancellationToken: ct));
        return new SnapshotClone(ns, name, clone.Metadata.Name, handle, driver, source.Spec.VolumeMode == "Block");
    }

    /// <summary>The VolumeSnapshot a run takes of a claim.</summary>
    public static string SnapshotNameFor(string runId, string claim)
    {
        var name = $"stowage-{Shorten(runId)}-{claim}";
        return name.Length > 253 ? name[..253] : name;
    }

    /// <summary>After a copy that succeeded: deletes the clone, keeps the snapshot as the volume's next base.</summary>
    public Task ReleaseAsync(SnapshotClone clone, CancellationToken ct) =>
        IgnoreMissingAsync(() => kubernetes.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(clone.CloneClaim, clone.Namespace, cancellationToken: ct));

    /// <summary>After a copy that failed: deletes the clone and this run's snapshot (the previous base stays).</summary>
    public async Task DiscardAsync(SnapshotClone clone, CancellationToken ct)
    {
        await ReleaseAsync(clone, ct);
        await IgnoreMissingAsync(() => kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, clone.Namespace, "volumesnapshots", clone.SnapshotName, cancellationToken: ct));
    }

    /// <summary>Deletes the snapshot an earlier run took of the claim, if it is still there (a base that a newer backup replaced).</summary>
    public Task DeleteSnapshotOfRunAsync(string ns, string claim, string runId, CancellationToken ct) =>
        IgnoreMissingAsync(() => kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, ns, "volumesnapshots", SnapshotNameFor(runId, claim), cancellationToken: ct));

    /// <summary>Waits until the snapshot is ready to use, then returns its handle and driver from its bound VolumeSnapshotContent.</summary>
    private async Task<(string? Handle, string? Driver)> WaitReadyAsync(string ns, string name, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + ReadyTimeout;
        while (clock.GetUtcNow() < deadline)
        {
            var snapshot = JsonNode.Parse(KubernetesJson.Serialize(
                await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, ns, "volumesnapshots", name, ct)))!;
            if (snapshot["status"]?["readyToUse"]?.GetValue<bool>() == true) return await HandleAsync(snapshot, ct);
            if (snapshot["status"]?["error"]?["message"]?.GetValue<string>() is { } error)
            {
                throw new SnapshotFailedException($"VolumeSnapshot {ns}/{name} failed: {error}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), clock, ct);
        }
        throw new SnapshotFailedException($"VolumeSnapshot {ns}/{name} was not ready within {ReadyTimeout.TotalMinutes:0} minutes; check the CSI snapshotter.");
    }

    private async Task<(string? Handle, string? Driver)> HandleAsync(JsonNode snapshot, CancellationToken ct)
    {
        if (snapshot["status"]?["boundVolumeSnapshotContentName"]?.GetValue<string>() is not { Length: > 0 } contentName) return (null, null);
        var content = JsonNode.Parse(KubernetesJson.Serialize(
            await kubernetes.CustomObjects.GetClusterCustomObjectAsync(Group, Version, "volumesnapshotcontents", contentName, ct)))!;
        return (content["status"]?["snapshotHandle"]?.GetValue<string>(), content["spec"]?["driver"]?.GetValue<string>());
    }

    private static async Task CreateIfMissingAsync(Func<Task> create)
    {
        try
        {
            await create();
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    private static string Shorten(string runId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(runId)))[..10].ToLowerInvariant();
}

public sealed class SnapshotFailedException(string message) : Exception(message);
