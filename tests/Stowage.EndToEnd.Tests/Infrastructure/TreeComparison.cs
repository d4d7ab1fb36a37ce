using System.Security.Cryptography;

namespace Stowage.EndToEnd.Tests.Infrastructure;

internal static class TreeComparison
{
    /// <summary>Relative path and content hash of every file under <paramref name="root"/>, sorted.</summary>
    public static IReadOnlyList<string> Fingerprint(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
