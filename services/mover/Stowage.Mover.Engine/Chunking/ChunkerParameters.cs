namespace Stowage.Mover.Engine.Chunking;

/// <summary>FastCDC sizes: no chunk is shorter than Min (except a file's last), none longer than Max; the average is near Average.</summary>
public sealed record ChunkerParameters(int Min, int Average, int Max)
{
    /// <summary>512 KiB / 1 MiB / 8 MiB, the same sizes restic uses.</summary>
    public static ChunkerParameters Default { get; } = new(512 * 1024, 1024 * 1024, 8 * 1024 * 1024);

    internal void Validate()
    {
        if (Min < 64 || Min >= Average || Average >= Max || !int.IsPow2(Average))
            throw new ArgumentException("Chunker sizes need 64 <= min < average < max, average a power of two.");
    }
}
