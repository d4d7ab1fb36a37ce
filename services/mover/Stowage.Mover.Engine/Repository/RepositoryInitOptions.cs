using Stowage.Mover.Engine.Chunking;

namespace Stowage.Mover.Engine.Repository;

/// <summary>Choices fixed when a repository is created.</summary>
public sealed record RepositoryInitOptions
{
    /// <summary>FastCDC sizes (default 512 KiB / 1 MiB / 4 MiB, normalization level 1).</summary>
    public ChunkerParameters Chunker { get; init; } = ChunkerParameters.Default;

    /// <summary>Fixed blocks for large files (default 32 KiB blocks for files of 16 MiB or more); null cuts every file with FastCDC.</summary>
    public BlockParameters? Blocks { get; init; } = BlockParameters.Default;

    /// <summary>Lowest and highest zstd level accepted.</summary>
    public const int MinCompressionLevel = 1, MaxCompressionLevel = 19;

    /// <summary>zstd level for compressible data (default 1: on the benchmark's mixed data, twice level 3's speed and no larger).</summary>
    public int CompressionLevel { get; init; } = 1;

    /// <summary>Target pack size (default 16 MiB).</summary>
    public int PackSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>PBKDF2 iterations for password envelopes (default 600,000; 100,000 to 10,000,000).</summary>
    public int KdfIterations { get; init; } = Crypto.KeyEnvelope.DefaultIterations;
}
