using System.Text.Json.Nodes;
using Stowage.LocalCluster.Controllers;
using Stowage.LocalCluster.Scheduling;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>The pod status the kubelet reports: waiting, running, terminated (exit code, reason, termination message).</summary>
internal static class PodStatuses
{
    public static void Waiting(JsonObject pod, string reason, string message, DateTimeOffset now)
    {
        var status = Status(pod);
        status["phase"] = "Pending";
        status["containerStatuses"] = new JsonArray((pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c["name"]?.DeepClone(),
            ["image"] = c["image"]?.DeepClone(),
            ["ready"] = false,
            ["restartCount"] = 0,
            ["started"] = false,
            ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = reason, ["message"] = message } },
        }).ToArray());
        PodPhases.SetCondition(pod, "Ready", "False", "ContainersNotReady", null, ObjectWrites.Now(now));
    }

    public static void Running(JsonObject pod, IEnumerable<ContainerRun> containers, DateTimeOffset now)
    {
        var status = Status(pod);
        status["phase"] = "Running";
        status["hostIP"] = "127.0.0.1";
        status["podIP"] = "127.0.0.1";
        status["startTime"] ??= ObjectWrites.Now(now);
        status["containerStatuses"] = new JsonArray(containers.Select(c => (JsonNode)Container(c, new JsonObject
        {
            ["running"] = new JsonObject { ["startedAt"] = ObjectWrites.Now(c.StartedAt) },
        }, ready: true)).ToArray());
        foreach (var condition in new[] { "Initialized", "ContainersReady", "Ready" })
        {
            PodPhases.SetCondition(pod, condition, "True", null, null, ObjectWrites.Now(now));
        }
    }

    public static void Terminated(JsonObject pod, IReadOnlyList<ContainerRun> containers, bool fallbackToLogs, DateTimeOffset now)
    {
        var status = Status(pod);
        status["phase"] = containers.All(c => c.ExitCode == 0) ? "Succeeded" : "Failed";
        status["containerStatuses"] = new JsonArray(containers.Select(c =>
        {
            var terminated = new JsonObject
            {
                ["exitCode"] = c.ExitCode,
                ["reason"] = c.ExitCode == 0 ? "Completed" : "Error",
                ["startedAt"] = ObjectWrites.Now(c.StartedAt),
                ["finishedAt"] = ObjectWrites.Now(c.FinishedAt ?? now),
            };
            if (c.TerminationMessage(fallbackToLogs) is { Length: > 0 } message)
            {
                terminated["message"] = message;
            }
            return (JsonNode)Container(c, new JsonObject { ["terminated"] = terminated }, ready: false);
        }).ToArray());
        PodPhases.SetCondition(pod, "ContainersReady", "False", "PodCompleted", null, ObjectWrites.Now(now));
        PodPhases.SetCondition(pod, "Ready", "False", "PodCompleted", null, ObjectWrites.Now(now));
    }

    public static void NodeLost(JsonObject pod, string node)
    {
        var status = Status(pod);
        status["phase"] = "Failed";
        status["reason"] = "NodeLost";
        status["message"] = $"Node {node} which was running pod {ObjectWrites.Name(pod)} is unresponsive";
    }

    private static JsonObject Container(ContainerRun run, JsonObject state, bool ready) => new()
    {
        ["name"] = run.Name,
        ["image"] = run.Image,
        ["imageID"] = $"{run.Image}@sha256:local",
        ["containerID"] = $"local://{run.Process?.Id ?? 0}",
        ["ready"] = ready,
        ["started"] = ready,
        ["restartCount"] = 0,
        ["state"] = state,
    };

    private static JsonObject Status(JsonObject pod)
    {
        var status = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = status;
        return status;
    }
}
