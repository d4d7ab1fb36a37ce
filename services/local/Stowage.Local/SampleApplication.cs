using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.Local;

/// <summary>
/// A one-replica PostgreSQL StatefulSet, optionally pinned to a node, and files in its volume (or a block-mode volume). The stand-in cluster's
/// StatefulSet controller makes its claim and pod, as a real one would.
/// </summary>
public static class SampleApplication
{
    public const string Claim = "data-{0}-0";

    /// <param name="blockBytes">Makes the claim a raw block device (volumeMode Block) of this many random bytes instead of a file system with files.</param>
    public static async Task<string> DeployAsync(FakeKubernetesApiServer kubernetes, string ns, string name, string storageClass = "standard", string? node = null,
        int? blockBytes = null)
    {
        var labels = new JsonObject { ["app.kubernetes.io/name"] = "postgresql", ["app.kubernetes.io/instance"] = name };
        if (kubernetes.Get("v1", "Namespace", null, ns) is null)
        {
            await kubernetes.ApplyAsync(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
        }
        var podSpec = new JsonObject { ["containers"] = new JsonArray(Container(blockBytes is not null)) };
        if (node is not null) podSpec["nodeSelector"] = new JsonObject { ["kubernetes.io/hostname"] = node };
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "StatefulSet",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["serviceName"] = name,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = podSpec },
                ["volumeClaimTemplates"] = new JsonArray(new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = "data" },
                    ["spec"] = new JsonObject
                    {
                        ["accessModes"] = new JsonArray("ReadWriteOnce"), ["storageClassName"] = storageClass, ["volumeMode"] = blockBytes is null ? "Filesystem" : "Block",
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } },
                    },
                }),
            },
        });
        var claim = string.Format(Claim, name);
        await WaitAsync(() => (string?)kubernetes.Get("v1", "PersistentVolumeClaim", ns, claim)?["status"]?["phase"] == "Bound"
            && (string?)kubernetes.Get("v1", "Pod", ns, $"{name}-0")?["status"]?["phase"] == "Running", $"{ns}/{name}-0 to run on its bound claim");
        var volume = Directory.CreateDirectory(Path.Combine(kubernetes.VolumeRoot, ns, claim)).FullName;
        if (blockBytes is not { } size)
        {
            WriteData(volume);
            return volume;
        }
        var device = new byte[size];
        new Random(42).NextBytes(device);
        // The stand-in keeps a block-mode claim's device as this file of its folder.
        File.WriteAllBytes(Path.Combine(volume, "device"), device);
        return Path.Combine(volume, "device");
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Waited 30 s for {what}.");
            await Task.Delay(50);
        }
    }

    private static JsonObject Container(bool blockDevice) => new()
    {
        ["name"] = "postgres",
        ["image"] = "postgres:16.4",
        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 5432 }),
        [blockDevice ? "volumeDevices" : "volumeMounts"] = new JsonArray(blockDevice
            ? new JsonObject { ["name"] = "data", ["devicePath"] = "/dev/xvda" }
            : new JsonObject { ["name"] = "data", ["mountPath"] = "/var/lib/postgresql/data" }),
    };

    /// <summary>Small and large files, a nested folder, an empty file: enough to compare trees byte for byte.</summary>
    private static void WriteData(string volume)
    {
        var random = new Random(42);
        Directory.CreateDirectory(Path.Combine(volume, "base", "16384"));
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 64 * 1024)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(volume, "base", "16384", $"{1000 + i}"), bytes);
        }
        var large = new byte[3 * 1024 * 1024];
        random.NextBytes(large);
        File.WriteAllBytes(Path.Combine(volume, "base", "large-table"), large);
        File.WriteAllText(Path.Combine(volume, "postgresql.conf"), "shared_buffers = 128MB\n");
        File.WriteAllBytes(Path.Combine(volume, "empty"), []);
    }
}
