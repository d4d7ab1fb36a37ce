namespace Stowage.LocalCluster.Kubelet;

/// <summary>
/// An image the stand-in kubelet can run: a container of this image runs <paramref name="Command"/> as a local process.
/// A container whose <c>command</c> names <paramref name="Entrypoint"/> (the executable's path inside the image) runs
/// the same, followed by the rest of its command and its args; any other command fails to start, as it would in the real image.
/// </summary>
/// <param name="Entrypoint">The image's executable, e.g. <c>/app/stowage-mover</c>.</param>
/// <param name="Command">What runs it on this machine, e.g. <c>["dotnet", "/build/stowage-mover.dll"]</c>.</param>
public sealed record LocalImage(string Entrypoint, IReadOnlyList<string> Command)
{
    /// <summary>The image name without tag or digest, as keys of <see cref="FakeKubernetesApiServerOptions.Images"/> are written.</summary>
    public static string RepositoryOf(string image)
    {
        var at = image.IndexOf('@');
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}
