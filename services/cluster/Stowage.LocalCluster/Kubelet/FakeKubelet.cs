using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Stowage.LocalCluster.Controllers;
using Stowage.LocalCluster.Nodes;
using Stowage.LocalCluster.Scheduling;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>
/// The kubelets of every Ready node, in one: starts each pod bound to such a node once its claims are bound and
/// attachable there, runs each container of a known image as a local process (other images are reported Running and
/// do nothing), reports Running and then Succeeded or Failed with exit codes and termination messages, keeps logs, and
/// kills the processes of a pod that is deleted or whose node is lost. Containers are never restarted: a pod's
/// restartPolicy is treated as Never, and Jobs retry by creating new pods, as they do with Never.
/// </summary>
internal sealed class FakeKubelet(ObjectStore store, ClusterKinds kinds, ClusterEvents events, VolumeMounts volumes, ContainerLauncher launcher,
    string stateRoot, TimeProvider clock) : IReconciler, IDisposable
{
    private readonly ConcurrentDictionary<string, PodRuntime> pods = new();

    public ContainerLog? LogOf(string podUid, string container) =>
        pods.TryGetValue(podUid, out var runtime) ? runtime.Containers.FirstOrDefault(c => c.Name == container)?.Log : null;

    public void Reconcile(DateTimeOffset now)
    {
        var all = store.List(kinds.Pods, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        var present = all.Select(ObjectWrites.Uid).ToHashSet();
        foreach (var (uid, runtime) in pods)
        {
            if (!present.Contains(uid) && pods.TryRemove(uid, out _))
            {
                runtime.Kill();
            }
        }
        var readyNodes = store.List(kinds.Nodes, null, LabelSelector.Everything, FieldSelector.Everything).Items
            .Where(NodeObjects.IsReady).Select(ObjectWrites.Name).ToHashSet();
        foreach (var pod in all.Where(p => readyNodes.Contains((string?)p["spec"]?["nodeName"] ?? "") && !PodPhases.IsTerminal(p) && !pods.ContainsKey(ObjectWrites.Uid(p))))
        {
            TryStart(pod, all, now);
        }
    }

    /// <summary>The node stopped answering: its processes die with it and its pods are reported lost.</summary>
    public void LoseNode(string node)
    {
        ObjectWrites.Change(store, kinds.Nodes, null, node, n => NodeObjects.MarkUnreachable(n, ObjectWrites.Now(clock.GetUtcNow())));
        foreach (var (uid, runtime) in pods.Where(pair => pair.Value.Node == node).ToList())
        {
            pods.TryRemove(uid, out _);
            runtime.Kill();
        }
        foreach (var pod in store.List(kinds.Pods, null, LabelSelector.Everything, FieldSelector.Everything).Items
            .Where(p => (string?)p["spec"]?["nodeName"] == node && !PodPhases.IsTerminal(p)))
        {
            ObjectWrites.Change(store, kinds.Pods, ObjectWrites.Namespace(pod), ObjectWrites.Name(pod), p => PodStatuses.NodeLost(p, node));
        }
    }

    private void TryStart(JsonObject pod, IReadOnlyList<JsonObject> all, DateTimeOffset now)
    {
        var (ns, name, uid) = (ObjectWrites.Namespace(pod), ObjectWrites.Name(pod), ObjectWrites.Uid(pod));
        if (volumes.Blocked(pod, all) is { } blocked)
        {
            if (ObjectWrites.Change(store, kinds.Pods, ns, name, p => PodStatuses.Waiting(p, "ContainerCreating", blocked.Message, now)))
            {
                events.Record(pod, "Warning", blocked.Reason, blocked.Message, blocked.Reason == "FailedAttachVolume" ? "attachdetach-controller" : "kubelet");
            }
            return;
        }
        var directory = Directory.CreateDirectory(Path.Combine(stateRoot, "pods", uid)).FullName;
        var containers = (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var launches = containers.Select(c => (Container: c, Launch: launcher.Prepare(pod, c, volumes.For(pod, c, directory), directory))).ToList();
        if (launches.FirstOrDefault(l => l.Launch.WaitingReason is not null) is { Container: not null } waiting)
        {
            if (ObjectWrites.Change(store, kinds.Pods, ns, name, p => PodStatuses.Waiting(p, waiting.Launch.WaitingReason!, waiting.Launch.WaitingMessage!, now)))
            {
                events.Record(pod, "Warning", "Failed", $"Error: {waiting.Launch.WaitingMessage}", "kubelet");
            }
            return;
        }

        var runtime = new PodRuntime(uid, ns, name, (string)pod["spec"]!["nodeName"]!, directory, pod["spec"]!.AsObject());
        foreach (var (container, launch) in launches)
        {
            var containerName = (string?)container["name"] ?? "";
            var log = new ContainerLog(Path.Combine(directory, $"{containerName}.log"));
            Process? process = null;
            if (launch.Process is not null)
            {
                process = new Process { StartInfo = launch.Process, EnableRaisingEvents = true };
                process.OutputDataReceived += (_, line) => log.Append(line.Data);
                process.ErrorDataReceived += (_, line) => log.Append(line.Data);
                process.Start();
                process.StandardInput.Close();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }
            runtime.Containers.Add(new ContainerRun(containerName, (string?)container["image"] ?? "", log, process, launch.TerminationMessageFile, clock.GetUtcNow()));
        }
        pods[uid] = runtime;
        ObjectWrites.Change(store, kinds.Pods, ns, name, p => PodStatuses.Running(p, runtime.Containers, now));
        events.Record(pod, "Normal", "Started", $"Started container {string.Join(", ", runtime.Containers.Select(c => c.Name))}", "kubelet");
        if (runtime.Containers.All(c => c.Process is not null))
        {
            _ = WatchExitAsync(runtime, containers);
        }
    }

    private async Task WatchExitAsync(PodRuntime runtime, IReadOnlyList<JsonObject> containers)
    {
        foreach (var container in runtime.Containers)
        {
            await container.Process!.WaitForExitAsync();
            container.ExitCode = container.Process.ExitCode;
            container.FinishedAt = clock.GetUtcNow();
            container.Log.End();
        }
        if (runtime.Abandoned)
        {
            return;
        }
        var fallback = containers.Any(c => (string?)c["terminationMessagePolicy"] == "FallbackToLogsOnError");
        ObjectWrites.Change(store, kinds.Pods, runtime.Namespace, runtime.Name, p =>
        {
            if (ObjectWrites.Uid(p) == runtime.Uid)
            {
                PodStatuses.Terminated(p, runtime.Containers, fallback, clock.GetUtcNow());
            }
        });
    }

    public void Dispose()
    {
        foreach (var runtime in pods.Values)
        {
            runtime.Kill();
        }
        pods.Clear();
    }
}
