namespace Stowage.Discovery.Domain.Inventory;

/// <summary>What a pod (or a workload's pod template) runs and mounts.</summary>
internal sealed record PodTemplate(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ContainerInfo> Containers,
    IReadOnlyList<string> ClaimNames,
    IReadOnlyList<string> ConfigMapNames,
    IReadOnlyList<string> SecretNames)
{
    public static PodTemplate Empty { get; } = new(new Dictionary<string, string>(), [], [], [], []);
}

internal sealed record ContainerInfo(string Name, string Image, IReadOnlyList<int> Ports)
{
    /// <summary>The image's last path segment without registry, tag or digest: <c>docker.io/bitnami/postgresql:16</c> gives <c>postgresql</c>.</summary>
    public string ImageName
    {
        get
        {
            var withoutDigest = Image.Split('@')[0];
            var lastSegment = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
            var colon = lastSegment.IndexOf(':');
            return colon < 0 ? lastSegment : lastSegment[..colon];
        }
    }
}
