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

    /// <summary>Copies the version-1 repository to destination and returns destination.</summary>
    public static string CopyVersion1(string destination)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "repository-v1");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return destination;
    }
}
