namespace Stowage.Mover.Engine.Chunking;

/// <summary>
/// Files of at least Threshold bytes are cut into fixed blocks of Size bytes at offsets that are multiples of Size
/// (the last one shorter), rather than by FastCDC: databases rewrite 8-16 KiB pages in place, and 1 % of the pages
/// rewritten at random touches nearly every 1 MiB content-defined chunk but only about 4 % of 32 KiB blocks.
/// Their ids are kept in content lists (<see cref="Snapshots.ContentList"/>), not in the tree.
/// </summary>
public sealed record BlockParameters(long Threshold, int Size)
{
    /// <summary>Smallest and largest block size accepted (powers of two).</summary>
    public const int MinSize = 4 * 1024, MaxSize = 1024 * 1024;

    /// <summary>
    /// 32 KiB blocks for files of 16 MiB or more. Measured with bench/database-vs-restic.sh (1 % of a 1.5 GiB file's
    /// 8 KiB pages rewritten, 16 MiB of WAL): see docs/repository-format.md for the trade-off against 16 and 64 KiB.
    /// </summary>
    public static BlockParameters Default { get; } = new(16 * 1024 * 1024, 32 * 1024);

    /// <summary>The problem with these sizes, or null.</summary>
    public string? FindProblem() =>
        Size is < MinSize or > MaxSize || !int.IsPow2(Size) ? $"block size {Size} is not a power of two from {MinSize} to {MaxSize}"
            : Threshold < Size * 4L ? $"block threshold {Threshold} is below four blocks"
            : null;
}
