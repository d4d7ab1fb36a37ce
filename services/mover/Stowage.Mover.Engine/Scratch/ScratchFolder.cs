namespace Stowage.Mover.Engine.Scratch;

/// <summary>
/// A folder for one run's temporary files (packs being assembled), deleted when disposed. It holds an exclusive lock on
/// a file inside while it lives; the kernel drops that lock when its process dies, however it dies, so
/// <see cref="SweepStale"/> can tell a folder whose owner was killed from one in use, in this process or another.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    private const string OwnerFile = ".owner";

    // A folder this young may be between its creation and its lock being taken.
    private static readonly TimeSpan CreationGrace = TimeSpan.FromSeconds(5);

    private readonly FileStream owner;

    private ScratchFolder(string path, FileStream owner)
    {
        Path = path;
        this.owner = owner;
    }

    /// <summary>The system temp directory's "stowage-scratch" folder.</summary>
    public static string DefaultRoot => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stowage-scratch");

    public string Path { get; }

    /// <summary>Makes a new folder "<paramref name="name"/>-xxxxxxxx" under <paramref name="root"/>, first removing what dead owners left there.</summary>
    public static ScratchFolder Create(string root, string name)
    {
        SweepStale(root);
        var path = System.IO.Path.Combine(root, $"{Sanitize(name)}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        var owner = new FileStream(System.IO.Path.Combine(path, OwnerFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new ScratchFolder(path, owner);
    }

    /// <summary>Deletes every folder under <paramref name="root"/> whose owner is gone; returns their paths.</summary>
    public static IReadOnlyList<string> SweepStale(string root)
    {
        if (!Directory.Exists(root)) return [];
        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < CreationGrace || IsOwned(folder)) continue;
            if (TryDelete(folder)) removed.Add(folder);
        }
        return removed;
    }

    private static bool IsOwned(string folder)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.Combine(folder, OwnerFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    private static bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    public void Dispose()
    {
        owner.Dispose();
        TryDelete(Path);
    }
}
