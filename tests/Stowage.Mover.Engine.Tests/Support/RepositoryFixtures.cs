namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>The repositories under Fixtures/ (see Fixtures/README.md), copied so a test may change its copy.</summary>
internal static class RepositoryFixtures
{
    public static readonly IReadOnlyDictionary<string, string> Version1Files = new Dictionary<string, string>
    {
        ["readme.txt"] = "Stowage fixture, format version 1.\n",
        ["docs/note-1.txt"] = "first note\n",
        ["docs/note-2.txt"] = "second note, a little longer than the first\n",
    };

    public const string Version1LinkName = "link-to-note", Version1LinkTarget = "docs/note-1.txt";

    /// <summary>The SHA-256 of base/pages in the version-2 repository (1.5 MiB, several content-defined chunks).</summary>
    public const string Version2PagesSha256 = "507cdf230d2ff3d76b04e350e6c775056c5feb96079f20c39ac8f4c558f8daa2";

    public const string Version2Readme = "Stowage fixture, format version 2.\n";

    /// <summary>Copies the version-1 repository to destination and returns destination.</summary>
    public static string CopyVersion1(string destination) => Copy("repository-v1", destination);

    /// <summary>Copies the version-2 repository (before large-file blocks) to destination and returns destination.</summary>
    public static string CopyVersion2(string destination) => Copy("repository-v2", destination);

    private static string Copy(string fixture, string destination)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return destination;
    }
}
