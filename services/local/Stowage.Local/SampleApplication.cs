using System.Text.Json.Nodes;
using Stowage.LocalCluster;

namespace Stowage.Local;

/// <summary>A one-replica PostgreSQL StatefulSet with its claim and pod, as a cluster would return them, and files in its volume.</summary>
public static class SampleApplication
{
    public const string Claim = "data-{0}-0";

    public static async Task<string> DeployAsync(FakeKubernetesApiServer kubernetes, string volumeRoot, string ns, string name, string storageClass = "standard")
    {
        var labels = new JsonObject { ["app.kubernetes.io/name"] = "postgresql", ["app.kubernetes.io/instance"] = name };
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns },
        });
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
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(Container()) },
                },
                ["volumeClaimTemplates"] = new JsonArray(new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = "data" },
                    ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce"), ["storageClassName"] = storageClass, ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } } },
                }),
            },
        });
        var claim = string.Format(Claim, name);
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = claim, ["namespace"] = ns, ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce"), ["storageClassName"] = storageClass, ["volumeName"] = $"pv-{ns}-{name}", ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } } },
            ["status"] = new JsonObject { ["phase"] = "Bound", ["capacity"] = new JsonObject { ["storage"] = "1Gi" } },
        });
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{name}-0", ["namespace"] = ns, ["labels"] = labels.DeepClone(),
                ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "StatefulSet", ["name"] = name, ["uid"] = Guid.NewGuid().ToString(), ["controller"] = true }),
            },
            ["spec"] = new JsonObject
            {
                ["nodeName"] = "node-1",
                ["containers"] = new JsonArray(Container()),
                ["volumes"] = new JsonArray(new JsonObject { ["name"] = "data", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim } }),
            },
            ["status"] = new JsonObject { ["phase"] = "Running" },
        });
        var volume = Directory.CreateDirectory(Path.Combine(volumeRoot, ns, claim)).FullName;
        WriteData(volume);
        return volume;
    }

    private static JsonObject Container() => new()
    {
        ["name"] = "postgres",
        ["image"] = "postgres:16.4",
        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 5432 }),
        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "data", ["mountPath"] = "/var/lib/postgresql/data" }),
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
