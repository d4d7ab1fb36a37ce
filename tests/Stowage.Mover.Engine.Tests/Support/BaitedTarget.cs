namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// A folder holding "outside" (files a restore must never touch) and "target", pre-seeded with traps pointing
/// there: relative and absolute symlinks to the folder and to a file, a hard link to a file, and a real directory
/// holding a link. <see cref="Outside"/> fingerprints everything but the target.
/// </summary>
internal sealed class BaitedTarget
{
    /// <summary>The names the traps sit at in the target (and "d/a" below the directory "d").</summary>
    public static readonly string[] TrapNames = ["a", "b", "secret", "hard", "d"];

    public BaitedTarget(string root)
    {
        Root = root;
        OutsidePath = Path.Combine(root, "outside");
        Target = Path.Combine(root, "target");
        Directory.CreateDirectory(Path.Combine(OutsidePath, "sub"));
        File.WriteAllText(Path.Combine(OutsidePath, "secret.txt"), "the host's secret");
        File.WriteAllText(Path.Combine(OutsidePath, "sub", "inner.txt"), "inner");
        File.SetUnixFileMode(Path.Combine(OutsidePath, "secret.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateDirectory(Path.Combine(Target, "d"));
        File.CreateSymbolicLink(Path.Combine(Target, "a"), "../outside");
        File.CreateSymbolicLink(Path.Combine(Target, "b"), OutsidePath);
        File.CreateSymbolicLink(Path.Combine(Target, "secret"), Path.Combine(OutsidePath, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Target, "d", "a"), OutsidePath);
        SampleTree.HardLink(Path.Combine(OutsidePath, "secret.txt"), Path.Combine(Target, "hard"));
        File.SetLastWriteTimeUtc(OutsidePath, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        Before = Outside();
    }

    public string Root { get; }
    public string OutsidePath { get; }
    public string Target { get; }
    public IReadOnlyList<string> Before { get; }

    public List<string> Outside() => FileSystemFingerprint.Take(Root, skip: Target);

    public void AssertOutsideUntouched() => Assert.Equal(Before, Outside());
}
