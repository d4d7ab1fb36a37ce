using k8s;
using Microsoft.Extensions.Options;

namespace Stowage.Mover.Runtime.Volumes;

/// <summary>
/// On a node: the claim's files as the kubelet mounted them for a running pod,
/// {KubeletPodsRoot}/{podUid}/volumes/{plugin}/{volume}[/mount], with the node's pods folder mounted into the
/// mover (Helm chart: hostPath /var/lib/kubelet/pods at /host/pods). The mover runs on every node and copies the
/// volumes of pods on its own node.
/// </summary>
public sealed class KubeletVolumeLocator(IKubernetes kubernetes, IOptions<MoverOptions> options) : IVolumeLocator
{
    public async Task<string> LocateAsync(string @namespace, string claimName, bool create, CancellationToken cancellationToken)
    {
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(@namespace, cancellationToken: cancellationToken);
        foreach (var pod in pods.Items.Where(p => p.Status?.Phase == "Running"))
        {
            var volume = pod.Spec.Volumes?.FirstOrDefault(v => v.PersistentVolumeClaim?.ClaimName == claimName);
            if (volume is null) continue;
            var claim = await kubernetes.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(claimName, @namespace, cancellationToken: cancellationToken);
            var volumesDir = Path.Combine(options.Value.KubeletPodsRoot, pod.Metadata.Uid, "volumes");
            var found = FindMount(volumesDir, claim.Spec.VolumeName ?? volume.Name);
            if (found is not null) return found;
        }
        throw new VolumeNotFoundException(
            $"Volume {@namespace}/{claimName} is not mounted by a running pod on this node; the mover reads volumes through the kubelet's pod folders.");
    }

    private static string? FindMount(string volumesDir, string volumeName)
    {
        if (!Directory.Exists(volumesDir)) return null;
        foreach (var plugin in Directory.EnumerateDirectories(volumesDir))
        {
            var candidate = Path.Combine(plugin, volumeName);
            if (!Directory.Exists(candidate)) continue;
            // CSI volumes keep their files one level down, in "mount".
            var mount = Path.Combine(candidate, "mount");
            return Directory.Exists(mount) ? mount : candidate;
        }
        return null;
    }
}
