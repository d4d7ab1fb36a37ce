using System.Text;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Controllers;
using Stowage.LocalCluster.Scheduling;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>
/// Where a pod's volumes are on this machine: a claim is the folder {VolumeRoot}/{namespace}/{claim} (like a network
/// disk, attachable to one node at a time when ReadWriteOnce), an emptyDir and a Secret volume are folders of the pod.
/// A block-mode claim's device is the file <see cref="BlockDeviceFile"/> of its folder; a container's volumeDevice is
/// a hard link to it at the device path, in a folder of the pod that stands for the device path's parent.
/// </summary>
internal sealed class VolumeMounts(ObjectStore store, ClusterKinds kinds, string volumeRoot)
{
    /// <summary>Why the pod's volumes cannot be mounted on its node yet, or null when they can.</summary>
    public (string Reason, string Message)? Blocked(JsonObject pod, IReadOnlyList<JsonObject> pods)
    {
        var ns = ObjectWrites.Namespace(pod);
        var node = (string?)pod["spec"]?["nodeName"];
        foreach (var claimName in PodVolumes.ClaimNames(pod))
        {
            var claim = store.Get(kinds.Claims, ns, claimName);
            if (claim is null || (string?)claim["status"]?["phase"] != "Bound")
            {
                return ("FailedMount", $"Unable to attach or mount volumes: unmounted volumes=[{claimName}]: persistentvolumeclaim \"{claimName}\" is not bound");
            }
            var modes = (claim["spec"]?["accessModes"] as JsonArray ?? []).Select(m => (string?)m).ToList();
            if (!modes.Contains("ReadWriteOnce") || modes.Contains("ReadWriteMany") || modes.Contains("ReadOnlyMany"))
            {
                continue;
            }
            var users = pods.Where(other => ObjectWrites.Uid(other) != ObjectWrites.Uid(pod) && ObjectWrites.Namespace(other) == ns
                && PodPhases.Phase(other) == "Running" && (string?)other["spec"]?["nodeName"] is { } otherNode && otherNode != node
                && PodVolumes.ClaimNames(other).Contains(claimName)).Select(ObjectWrites.Name).ToList();
            if (users.Count > 0)
            {
                var volume = (string?)claim["spec"]?["volumeName"] ?? claimName;
                return ("FailedAttachVolume", $"Multi-Attach error for volume \"{volume}\" Volume is already used by pod(s) {string.Join(", ", users)}");
            }
        }
        return null;
    }

    /// <summary>Each mount path of the container and the folder that backs it.</summary>
    public Dictionary<string, string> For(JsonObject pod, JsonObject container, string podDirectory)
    {
        var ns = ObjectWrites.Namespace(pod);
        var mounts = new Dictionary<string, string>();
        foreach (var mount in (container["volumeMounts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var volumeName = (string?)mount["name"] ?? "";
            var volume = (pod["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => (string?)v["name"] == volumeName);
            var folder = volume switch
            {
                { } v when v["persistentVolumeClaim"] is JsonObject claim => ClaimFolder(ns, (string)claim["claimName"]!),
                { } v when v["secret"] is JsonObject secret => WriteSecret(ns, (string)secret["secretName"]!, Path.Combine(podDirectory, "volumes", volumeName)),
                { } v when v["emptyDir"] is not null => Path.Combine(podDirectory, "volumes", volumeName),
                _ => null,
            };
            if (folder is null || (string?)mount["mountPath"] is not { } mountPath)
            {
                continue;
            }
            if ((string?)mount["subPath"] is { Length: > 0 } subPath)
            {
                folder = Path.Combine(folder, subPath);
            }
            mounts[mountPath] = Directory.CreateDirectory(folder).FullName;
        }
        foreach (var device in (container["volumeDevices"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var volume = (pod["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => (string?)v["name"] == (string?)device["name"]);
            if (volume?["persistentVolumeClaim"]?["claimName"] is not JsonValue claim || (string?)device["devicePath"] is not { } devicePath) continue;
            var parent = Path.GetDirectoryName(devicePath) ?? "/";
            var folder = Directory.CreateDirectory(Path.Combine(podDirectory, "devices", parent.TrimStart('/'))).FullName;
            var source = Path.Combine(ClaimFolder(ns, (string)claim!), BlockDeviceFile);
            var link = Path.Combine(folder, Path.GetFileName(devicePath));
            if (!File.Exists(source)) File.WriteAllBytes(source, []);
            if (!File.Exists(link) && Link(source, link) != 0) throw new IOException($"link {source} {link} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
            mounts.TryAdd(parent, folder);
        }
        return mounts;
    }

    /// <summary>The file that holds a block-mode claim's device, in the claim's folder.</summary>
    public const string BlockDeviceFile = "device";

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string oldPath, string newPath);

    public string ClaimFolder(string ns, string claim) => Path.Combine(volumeRoot, ns, claim);

    private string WriteSecret(string ns, string name, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (key, value) in store.Get(kinds.Secrets, ns, name)?["data"] as JsonObject ?? [])
        {
            File.WriteAllBytes(Path.Combine(folder, key), Convert.FromBase64String((string?)value ?? ""));
        }
        foreach (var (key, value) in store.Get(kinds.Secrets, ns, name)?["stringData"] as JsonObject ?? [])
        {
            File.WriteAllText(Path.Combine(folder, key), (string?)value ?? "", Encoding.UTF8);
        }
        return folder;
    }
}
