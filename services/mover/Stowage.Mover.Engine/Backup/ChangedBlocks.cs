namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Changed-block tracking for one large file of the source (a block volume's device or image): the byte ranges that
/// changed since the base snapshot, for example from CSI <c>GetMetadataDelta</c>. Only blocks these ranges touch are
/// read; every other block id comes from the base snapshot's node (or is a block of zeros, for allocated ranges), so
/// the node is the one a full read would make.
/// </summary>
public sealed record ChangedBlocks
{
    /// <summary>The file, relative to <see cref="BackupRequest.SourcePath"/>.</summary>
    public required string Path { get; init; }

    /// <summary>Repository snapshot the ranges are relative to; the backup takes it as its parent. Null when the ranges
    /// are the ones that hold data (CSI <c>GetMetadataAllocated</c>): every other block reads as zeros.</summary>
    public string? BaseSnapshotId { get; init; }

    /// <summary>Changed (or allocated) byte ranges, ascending and not overlapping, at any alignment (they are widened to whole
    /// blocks). A stream that throws is used up to the failure, and the rest of the file is read in full.</summary>
    public required IAsyncEnumerable<ByteRange> Ranges { get; init; }

    /// <summary>Blocks the ranges call unchanged that are read anyway, at random places, and compared with the base's
    /// ids; one that differs proves the ranges wrong, and the file is read in full.</summary>
    public int VerifySample { get; init; } = 16;

    /// <summary>The size of the file or block device the ranges describe (a device's stat size is 0: this asks the device).</summary>
    public static long SizeOf(string path)
    {
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length > 0) return length;
        try
        {
            return FileSystem.LinuxFileCalls.BlockDeviceSize(file, path);
        }
        catch (IOException)
        {
            return 0; // an empty regular file
        }
    }
}

/// <summary>Length bytes from Offset.</summary>
public readonly record struct ByteRange(long Offset, long Length);
