using k8s;
using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Tests;

/// <summary>Its own cluster: losing a node must not disturb the other test classes.</summary>
public sealed class NodeLossTests : IAsyncLifetime
{
    private readonly ClusterFixture cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    public Task DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Pods_of_a_lost_node_fail_as_node_lost_and_a_replacement_pinned_there_cannot_be_scheduled()
    {
        var job = ClusterFixture.ShellJob("lost", "pinned", "sleep 60", backoffLimit: 3, podSpec: PlacementTests.PinnedTo("node-2"));
        await cluster.Server.ApplyAsync(job);
        await Eventually.TrueAsync(() => cluster.PodsOf("lost", "pinned").Any(p => (string?)p["status"]?["phase"] == "Running"), "the pod to run");

        cluster.Server.LoseNode("node-2");

        var lost = await Eventually.ReturnsAsync(() => Task.FromResult(cluster.PodsOf("lost", "pinned").FirstOrDefault(p => (string?)p["status"]?["phase"] == "Failed")), "the pod to fail");
        Assert.Equal("NodeLost", (string?)lost["status"]!["reason"]);
        Assert.Equal($"Node node-2 which was running pod {lost["metadata"]!["name"]} is unresponsive", (string?)lost["status"]!["message"]);
        var replacement = await Eventually.ReturnsAsync(() => Task.FromResult(cluster.PodsOf("lost", "pinned").FirstOrDefault(p =>
            (p["status"]?["conditions"] as JsonArray ?? []).Any(c => (string?)c?["reason"] == "Unschedulable"))), "the replacement to be unschedulable");
        Assert.Contains("node.kubernetes.io/unreachable", (string?)replacement["status"]!["conditions"]!.AsArray().First(c => (string?)c!["type"] == "PodScheduled")!["message"]);
        var node = (await cluster.Client.CoreV1.ReadNodeAsync("node-2")).Status.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal("Unknown", node.Status);
    }
}
