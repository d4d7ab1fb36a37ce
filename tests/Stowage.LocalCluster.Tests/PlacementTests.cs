using k8s;
using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Tests;

public sealed class PlacementTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task The_cluster_has_two_ready_nodes()
    {
        var nodes = await cluster.Client.CoreV1.ListNodeAsync();
        Assert.Equal(["node-1", "node-2"], nodes.Items.Select(n => n.Metadata.Name).Order());
        Assert.All(nodes.Items, n => Assert.Contains(n.Status.Conditions, c => c.Type == "Ready" && c.Status == "True"));
    }

    [Fact]
    public async Task A_pod_goes_to_the_node_its_selector_or_affinity_names()
    {
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-select", "by-selector", "true",
            podSpec: new JsonObject { ["nodeSelector"] = new JsonObject { ["kubernetes.io/hostname"] = "node-2" } }));
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-select", "by-affinity", "true", podSpec: PinnedTo("node-1")));

        await cluster.FinishedJobAsync("place-select", "by-selector");
        await cluster.FinishedJobAsync("place-select", "by-affinity");
        Assert.Equal("node-2", (string?)cluster.PodsOf("place-select", "by-selector").Single()["spec"]!["nodeName"]);
        Assert.Equal("node-1", (string?)cluster.PodsOf("place-select", "by-affinity").Single()["spec"]!["nodeName"]);
    }

    [Fact]
    public async Task A_pod_no_node_fits_stays_pending_as_unschedulable()
    {
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-none", "nowhere", "true", podSpec: PinnedTo("node-9")));

        var pod = await Eventually.ReturnsAsync(() => Task.FromResult(cluster.PodsOf("place-none", "nowhere").FirstOrDefault(p =>
            (p["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["reason"] == "Unschedulable"))), "the pod to be unschedulable");
        Assert.Equal("Pending", (string?)pod["status"]!["phase"]);
        Assert.Contains(cluster.EventsAbout("place-none", (string)pod["metadata"]!["name"]!), e => (string?)e["reason"] == "FailedScheduling"
            && (string?)e["message"] == "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.");
    }

    [Fact]
    public async Task A_read_write_once_claim_in_use_on_one_node_cannot_be_attached_on_another()
    {
        await cluster.ClaimAsync("place-rwo", "data");
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-rwo", "holder", "sleep 30", claim: "data", podSpec: PinnedTo("node-1")));
        await Eventually.TrueAsync(() => cluster.PodsOf("place-rwo", "holder").Any(p => (string?)p["status"]?["phase"] == "Running"), "the first pod to run");

        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-rwo", "elsewhere", "true", claim: "data", podSpec: PinnedTo("node-2")));
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("place-rwo", "beside", "true", claim: "data", podSpec: PinnedTo("node-1")));

        await cluster.FinishedJobAsync("place-rwo", "beside");
        var blocked = cluster.PodsOf("place-rwo", "elsewhere").Single();
        Assert.Equal("Pending", (string?)blocked["status"]!["phase"]);
        var holder = (string)cluster.PodsOf("place-rwo", "holder").Single()["metadata"]!["name"]!;
        var volume = (string)cluster.Server.Get("v1", "PersistentVolumeClaim", "place-rwo", "data")!["spec"]!["volumeName"]!;
        Assert.Contains(cluster.EventsAbout("place-rwo", (string)blocked["metadata"]!["name"]!), e => (string?)e["reason"] == "FailedAttachVolume"
            && (string?)e["message"] == $"Multi-Attach error for volume \"{volume}\" Volume is already used by pod(s) {holder}");
        await cluster.Client.BatchV1.DeleteNamespacedJobAsync("holder", "place-rwo", propagationPolicy: "Background");
        await cluster.FinishedJobAsync("place-rwo", "elsewhere");
    }

    [Fact]
    public async Task A_statefulset_makes_its_claims_then_its_pods_one_after_another()
    {
        var labels = new JsonObject { ["app"] = "db" };
        await cluster.Server.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "StatefulSet",
            ["metadata"] = new JsonObject { ["name"] = "db", ["namespace"] = "place-sts" },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2, ["serviceName"] = "db", ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "db", ["image"] = "postgres:16" }) },
                },
                ["volumeClaimTemplates"] = new JsonArray(new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = "data" },
                    ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce"), ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } } },
                }),
            },
        });

        await Eventually.TrueAsync(() => cluster.Server.List("v1", "Pod", "place-sts").Count(p => (string?)p["status"]?["phase"] == "Running") == 2, "both pods to run");
        var changes = cluster.Server.Changes.Where(c => c.Namespace == "place-sts" && c.Type == "ADDED").ToList();
        int Added(string kind, string name) => changes.FindIndex(c => c.Kind == kind && c.Name == name);
        Assert.True(Added("PersistentVolumeClaim", "data-db-0") < Added("Pod", "db-0"));
        Assert.True(Added("Pod", "db-0") < Added("Pod", "db-1"));
        var firstRunning = cluster.Server.Changes.First(c => c.Namespace == "place-sts" && c.Name == "db-0" && c.Phase == "Running").ResourceVersion;
        Assert.True(firstRunning < cluster.Server.Changes.First(c => c.Name == "db-1" && c.Type == "ADDED" && c.Namespace == "place-sts").ResourceVersion);
        var pod = cluster.Server.Get("v1", "Pod", "place-sts", "db-1")!;
        Assert.Equal("data-db-1", (string?)pod["spec"]!["volumes"]![0]!["persistentVolumeClaim"]!["claimName"]);
    }

    internal static JsonObject PinnedTo(string node) => new()
    {
        ["affinity"] = new JsonObject
        {
            ["nodeAffinity"] = new JsonObject
            {
                ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                {
                    ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                    {
                        ["matchFields"] = new JsonArray(new JsonObject { ["key"] = "metadata.name", ["operator"] = "In", ["values"] = new JsonArray(node) }),
                    }),
                },
            },
        },
    };
}
