using Stowage.Mover.Engine.Chunking;

namespace Stowage.Mover.Engine.Repository;

/// <summary>Choices fixed when a repository is created.</summary>
public sealed record RepositoryInitOptions
{
    /// <summary>FastCDC sizes (default 512 KiB / 1 MiB / 8 MiB).</summary>
    public ChunkerParameters Chunker { get; init; } = ChunkerParameters.Default;

    /// <summary>zstd level for compressible data (default 3, zstd's own default).</summary>
    public int CompressionLevel { get; init; } = 3;

    /// <summary>Target pack size (default 16 MiB).</summary>
    public int PackSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>PBKDF2 iterations for password envelopes (default 600,000).</summary>
    public int KdfIterations { get; init; } = Crypto.KeyEnvelope.DefaultIterations;
}
