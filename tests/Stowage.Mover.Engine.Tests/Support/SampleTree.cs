using System.Text;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>A varied source tree: small and large files, empty ones, empty dirs, symlinks, hard links, modes, mtimes, unicode names.</summary>
internal static class SampleTree
{
    public const int LargeFileSize = 12 * 1024 * 1024;

    public static void Create(string root, int seed = 1)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(root);
        var docs = Directory.CreateDirectory(Path.Combine(root, "docs")).FullName;
        for (var i = 0; i < 40; i++)
            File.WriteAllText(Path.Combine(docs, $"note-{i:D3}.txt"), Text(random, random.Next(10, 20_000)));
        File.WriteAllBytes(Path.Combine(root, "random.bin"), Bytes(random, 3 * 1024 * 1024 + 17));
        File.WriteAllBytes(Path.Combine(root, "large.bin"), Bytes(random, LargeFileSize));
        File.WriteAllText(Path.Combine(root, "large-text.log"), Text(random, 5 * 1024 * 1024));
        File.WriteAllBytes(Path.Combine(root, "empty.dat"), []);
        Directory.CreateDirectory(Path.Combine(root, "empty-dir"));
        Directory.CreateDirectory(Path.Combine(root, "deep", "a", "b", "c"));
        File.WriteAllText(Path.Combine(root, "deep", "a", "b", "c", "leaf.txt"), "leaf");
        var unicode = Directory.CreateDirectory(Path.Combine(root, "ünïcödé ☃ 日本")).FullName;
        File.WriteAllText(Path.Combine(unicode, "файл ✓.txt"), "привет");
        File.CreateSymbolicLink(Path.Combine(root, "link-to-docs"), "docs");
        File.CreateSymbolicLink(Path.Combine(root, "dangling"), "does/not/exist");
        File.WriteAllText(Path.Combine(root, "script.sh"), "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Combine(root, "script.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        File.SetUnixFileMode(Path.Combine(docs, "note-001.txt"), UnixFileMode.UserRead);
        File.SetUnixFileMode(Path.Combine(root, "empty-dir"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        HardLink(Path.Combine(docs, "note-002.txt"), Path.Combine(root, "hardlink-to-note-002.txt"));
        File.SetLastWriteTimeUtc(Path.Combine(root, "large.bin"), new DateTime(2020, 2, 29, 12, 34, 56, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(root, "empty-dir"), new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>A source holding one 300 KB random file, "victim.bin", for the damage tests; returns the source path.</summary>
    public static string CreateVictim(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "victim.bin"), Bytes(new Random(7), 300_000));
        return root;
    }

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static string Text(Random random, int length)
    {
        string[] words = ["backup", "volume", "cluster", "snapshot", "stowage", "pod", "restore", "data", "kubernetes", "chunk", "\n"];
        var builder = new StringBuilder(length + 16);
        while (builder.Length < length) builder.Append(words[random.Next(words.Length)]).Append(' ');
        return builder.ToString(0, length);
    }

    public static void HardLink(string existing, string link)
    {
        using var process = System.Diagnostics.Process.Start("ln", [existing, link]);
        process.WaitForExit();
    }
}
