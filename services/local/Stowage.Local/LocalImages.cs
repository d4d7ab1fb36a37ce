using Stowage.LocalCluster.Kubelet;

namespace Stowage.Local;

/// <summary>The product's images as the stand-in cluster runs them: as processes of this checkout's builds.</summary>
public static class LocalImages
{
    public const string Mover = "stowage.local/stowage-mover";
    public const string MoverEntrypoint = "/app/stowage-mover";

    public static IReadOnlyDictionary<string, LocalImage> All() => new Dictionary<string, LocalImage>
    {
        [Mover] = new LocalImage(MoverEntrypoint, ["dotnet", ServiceBinaries.MoverCliDll()]),
    };
}
