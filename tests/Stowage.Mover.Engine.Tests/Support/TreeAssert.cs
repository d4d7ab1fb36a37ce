namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>Asserts two trees have the same entries, bytes, symlink targets, permissions and modification times.</summary>
internal static class TreeAssert
{
    public static void Identical(string expectedRoot, string actualRoot)
    {
        var expected = Entries(expectedRoot);
        var actual = Entries(actualRoot);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var relative in expected.Keys)
        {
            var e = expected[relative];
            var a = actual[relative];
            Assert.True(e.LinkTarget == a.LinkTarget, $"symlink target of {relative}");
            if (e.LinkTarget is null)
            {
                Assert.True(e.UnixFileMode == a.UnixFileMode, $"mode of {relative}: {e.UnixFileMode} vs {a.UnixFileMode}");
                Assert.True(e.LastWriteTimeUtc == a.LastWriteTimeUtc, $"mtime of {relative}: {e.LastWriteTimeUtc:o} vs {a.LastWriteTimeUtc:o}");
            }
            if (e is FileInfo && e.LinkTarget is null)
                Assert.True(File.ReadAllBytes(e.FullName).AsSpan().SequenceEqual(File.ReadAllBytes(a.FullName)), $"content of {relative}");
        }
    }

    private static Dictionary<string, FileSystemInfo> Entries(string root) =>
        new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(i => Path.GetRelativePath(root, i.FullName));
}
