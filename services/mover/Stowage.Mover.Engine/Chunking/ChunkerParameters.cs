namespace Stowage.Mover.Engine.Chunking;

/// <summary>
/// FastCDC sizes: no chunk is shorter than Min (except a file's last), none longer than Max; the average is near Average.
/// Normalization is FastCDC's normalized-chunking level: cuts are that many bits harder to find before Average and
/// that many easier after it. Level 1 re-synchronizes sooner after an edit than level 2 (a 5% change of 900 MB:
/// 8% fewer bytes uploaded), at the same repository size.
/// </summary>
public sealed record ChunkerParameters(int Min, int Average, int Max, int Normalization = 1)
{
    /// <summary>The level of repositories whose config predates the setting.</summary>
    public const int LegacyNormalization = 2;

    /// <summary>
    /// 512 KiB / 1 MiB / 4 MiB, normalization level 1. restic's maximum is 8 MiB; at level 1 fewer than 0.3% of
    /// chunks would exceed 4 MiB, and each reader's buffer must hold the largest chunk (backup peak: 105 -> 91 MiB).
    /// </summary>
    public static ChunkerParameters Default { get; } = new(512 * 1024, 1024 * 1024, 4 * 1024 * 1024);

    internal void Validate()
    {
        if (Min < 64 || Min >= Average || Average >= Max || !int.IsPow2(Average))
            throw new ArgumentException("Chunker sizes need 64 <= min < average < max, average a power of two.");
        if (Normalization is < 0 or > 3) throw new ArgumentException("Chunker normalization must be 0 to 3.");
    }
}
