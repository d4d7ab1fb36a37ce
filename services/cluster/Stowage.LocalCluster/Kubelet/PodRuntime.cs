using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Kubelet;

/// <summary>A pod the kubelet has started: its folder on this machine and its containers.</summary>
internal sealed class PodRuntime(string uid, string ns, string name, string node, string directory, JsonObject spec)
{
    public string Uid { get; } = uid;

    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public string Node { get; } = node;

    public string Directory { get; } = directory;

    public JsonObject Spec { get; } = spec;

    public List<ContainerRun> Containers { get; } = [];

    /// <summary>Set when the pod was deleted or its node lost: what its processes do after that is no longer reported.</summary>
    public bool Abandoned { get; set; }

    public void Kill()
    {
        Abandoned = true;
        foreach (var container in Containers)
        {
            container.Kill();
        }
    }
}
