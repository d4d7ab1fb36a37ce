using System.Text.Json.Nodes;
using k8s;
using Stowage.LocalCluster.Kubelet;

namespace Stowage.LocalCluster.Tests;

/// <summary>One two-node stand-in cluster per test class whose "shell" image runs /bin/sh; each test uses its own namespace.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Shell = "example.com/shell";

    public FakeKubernetesApiServer Server { get; private set; } = null!;

    public IKubernetes Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeKubernetesApiServer.StartAsync(new FakeKubernetesApiServerOptions
        {
            Images = new Dictionary<string, LocalImage> { [Shell] = new LocalImage("/bin/sh", ["/bin/sh"]) },
            JobBackoff = TimeSpan.Zero,
            RunWorkloads = true,
        });
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A bound ReadWriteOnce claim in <paramref name="ns"/>; returns its folder.</summary>
    public async Task<string> ClaimAsync(string ns, string name)
    {
        await Server.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce"), ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } } },
        });
        await Eventually.TrueAsync(() => (string?)Server.Get("v1", "PersistentVolumeClaim", ns, name)?["status"]?["phase"] == "Bound", $"claim {name} to bind");
        return Path.Combine(Server.VolumeRoot, ns, name);
    }

    /// <summary>
    /// A Job whose one container runs <paramref name="script"/> in the shell image with the claim at /data. The local
    /// kubelet maps paths in args and env values, not inside a script, so scripts reach /data as $DATA and the
    /// termination message file as $MESSAGE.
    /// </summary>
    public static JsonObject ShellJob(string ns, string name, string script, string? claim = null, int backoffLimit = 0, JsonObject? podSpec = null)
    {
        var container = new JsonObject
        {
            ["name"] = "main", ["image"] = Shell + ":1", ["args"] = new JsonArray("-c", script),
            ["terminationMessagePolicy"] = "FallbackToLogsOnError",
            ["env"] = new JsonArray(new JsonObject { ["name"] = "DATA", ["value"] = "/data" }, new JsonObject { ["name"] = "MESSAGE", ["value"] = "/dev/termination-log" }),
        };
        var spec = podSpec ?? new JsonObject();
        spec["restartPolicy"] = "Never";
        spec["containers"] = new JsonArray(container);
        if (claim is not null)
        {
            container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "data", ["mountPath"] = "/data" });
            spec["volumes"] = new JsonArray(new JsonObject { ["name"] = "data", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim } });
        }
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1", ["kind"] = "Job",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["backoffLimit"] = backoffLimit, ["template"] = new JsonObject { ["spec"] = spec } },
        };
    }

    public async Task<JsonObject> FinishedJobAsync(string ns, string name) => await Eventually.ReturnsAsync(() => Task.FromResult(
        Server.Get("batch/v1", "Job", ns, name) is { } job && (job["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["type"] is "Complete" or "Failed") ? job : null),
        $"job {name} to finish", TimeSpan.FromSeconds(30));

    public IReadOnlyList<JsonObject> PodsOf(string ns, string job) =>
        Server.List("v1", "Pod", ns).Where(p => (string?)p["metadata"]?["labels"]?["job-name"] == job).ToList();

    public IReadOnlyList<JsonObject> EventsAbout(string ns, string name) =>
        Server.List("v1", "Event", ns).Where(e => (string?)e["involvedObject"]?["name"] == name).ToList();
}
