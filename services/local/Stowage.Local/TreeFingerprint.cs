using System.Security.Cryptography;

namespace Stowage.Local;

/// <summary>Compares folder trees byte for byte: the demo's check and the end-to-end tests' assertion.</summary>
public static class TreeFingerprint
{
    /// <summary>Relative path and content hash of every file under <paramref name="root"/>, sorted.</summary>
    public static IReadOnlyList<string> Of(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
