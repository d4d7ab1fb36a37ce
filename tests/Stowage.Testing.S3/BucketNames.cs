using System.Text;

namespace Stowage.Testing.S3;

internal static class BucketNames
{
    private const int MaxLength = 63;
    private const int SuffixLength = 12;

    /// <summary>A valid, unused S3 bucket name that starts with a readable form of the prefix.</summary>
    public static string Unique(string prefix)
    {
        var readable = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var stem = readable.ToString().Trim('-');
        stem = stem[..Math.Min(stem.Length, MaxLength - SuffixLength - 1)].TrimEnd('-');
        var suffix = Guid.NewGuid().ToString("N")[..SuffixLength];
        return stem.Length == 0 ? $"bucket-{suffix}" : $"{stem}-{suffix}";
    }
}
