using Stowage.LocalCluster.Kubelet;
using Stowage.LocalCluster.Nodes;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Scheduling;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>What runs behind the API of the stand-in cluster: its nodes, the scheduler, the kubelet and the controllers.</summary>
internal sealed class ClusterRuntime : IAsyncDisposable
{
    private readonly ControllerLoop loop;
    private readonly string stateRoot;

    public ClusterRuntime(ObjectStore store, ResourceTypeRegistry registry, FakeKubernetesApiServerOptions options, TimeProvider clock)
    {
        var kinds = new ClusterKinds(registry);
        stateRoot = Directory.CreateTempSubdirectory("stowage-cluster-").FullName;
        VolumeRoot = options.VolumeRoot ?? Path.Combine(stateRoot, "volumes");
        foreach (var node in options.Nodes)
        {
            store.Create(kinds.Nodes, null, NodeObjects.Registered(node, ObjectWrites.Now(clock.GetUtcNow())));
        }
        var events = new ClusterEvents(store, kinds, clock);
        var volumes = new VolumeMounts(store, kinds, VolumeRoot);
        var launcher = new ContainerLauncher(options.Images, (ns, name) => store.Get(kinds.Secrets, ns, name));
        Kubelet = new FakeKubelet(store, kinds, events, volumes, launcher, stateRoot, clock);
        var collector = new GarbageCollector(store, registry);
        store.Changed += collector.OwnerDeleted;
        loop = new ControllerLoop(store,
        [
            collector,
            new ClaimProvisioner(store, kinds, volumes.ClaimFolder),
            new StatefulSetController(store, kinds, events),
            new JobController(store, kinds, events, options.JobBackoff),
            new PodScheduler(store, kinds, events),
            Kubelet,
        ], clock);
    }

    public string VolumeRoot { get; }

    public FakeKubelet Kubelet { get; }

    public async ValueTask DisposeAsync()
    {
        await loop.DisposeAsync();
        Kubelet.Dispose();
        try
        {
            Directory.Delete(stateRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
