namespace Stowage.LocalCluster.SnapshotMetadata;

/// <summary>
/// What a driver's bitmap would say, computed by reading images: the fixed-size blocks of a snapshot that hold
/// anything but zeros (allocated), or that differ from another snapshot's (delta). A block past the end of the
/// shorter image differs when the longer one has data there.
/// </summary>
internal static class ImageBlocks
{
    public static IEnumerable<long> Allocated(string image, int blockSize, long startingOffset) =>
        Compare(null, image, blockSize, startingOffset);

    public static IEnumerable<long> Changed(string baseImage, string targetImage, int blockSize, long startingOffset) =>
        Compare(baseImage, targetImage, blockSize, startingOffset);

    /// <summary>Offsets of the target's blocks that differ from the base's (from zeros, without a base).</summary>
    private static IEnumerable<long> Compare(string? baseImage, string targetImage, int blockSize, long startingOffset)
    {
        using var target = File.OpenHandle(targetImage);
        using var source = baseImage is null ? null : File.OpenHandle(baseImage);
        var length = RandomAccess.GetLength(target);
        var a = new byte[blockSize];
        var b = new byte[blockSize];
        for (var offset = startingOffset / blockSize * blockSize; offset < length; offset += blockSize)
        {
            // Bytes past either image's end compare as zeros, as an unwritten block of a thin volume reads.
            Array.Clear(a);
            Array.Clear(b);
            Read(target, offset, b);
            if (source is not null) Read(source, offset, a);
            if (!a.AsSpan().SequenceEqual(b)) yield return offset;
        }
    }

    private static void Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, byte[] into)
    {
        var filled = 0;
        while (filled < into.Length)
        {
            var read = RandomAccess.Read(file, into.AsSpan(filled), offset + filled);
            if (read == 0) break;
            filled += read;
        }
    }
}
