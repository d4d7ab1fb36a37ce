using System.Security.Cryptography;
using Stowage.Mover.Engine.FileSystem;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// Everything lstat and a read tell about a folder's entries, itself included, never following a link: type,
/// mode, owner, size, modification time, link target and content. The link count is left out, since replacing a
/// hard link elsewhere changes it without touching the file.
/// </summary>
internal static class FileSystemFingerprint
{
    public static List<string> Take(string root, string? skip = null)
    {
        var lines = new List<string>();
        Add(root, "", skip, lines);
        return lines;
    }

    private static void Add(string path, string relative, string? skip, List<string> lines)
    {
        var status = UnixFileStatus.Get(path);
        var detail = status.IsSymlink ? "-> " + new FileInfo(path).LinkTarget
            : status.IsRegularFile ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))
            : "";
        lines.Add($"{relative} mode {Convert.ToString(status.Mode, 8)} owner {status.Uid}:{status.Gid} size {(status.IsDirectory ? 0 : status.Size)} mtime {status.MtimeNs} {detail}");
        if (!status.IsDirectory) return;
        foreach (var child in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
        {
            if (child == skip) continue;
            Add(child, relative + "/" + Path.GetFileName(child), skip, lines);
        }
    }
}
