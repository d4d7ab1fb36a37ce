namespace Stowage.Mover.Engine.Tests.Support;

internal static class PackDamage
{
    /// <summary>Flips one bit inside the largest pack of a local repository (a data pack, where the victim's bytes are); returns its path.</summary>
    public static string FlipByteInLargestPack(string repositoryDirectory)
    {
        var pack = Directory.GetFiles(Path.Combine(repositoryDirectory, "data"), "*", SearchOption.AllDirectories).MaxBy(f => new FileInfo(f).Length)!;
        var bytes = File.ReadAllBytes(pack);
        bytes[1000] ^= 0x01;
        File.WriteAllBytes(pack, bytes);
        return pack;
    }
}
