namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// Bounds on sizes read from a repository, checked before anything is allocated by them: a repository may have
/// been written by someone else, and a declared size is no reason to allocate it.
/// </summary>
internal static class RepositoryLimits
{
    /// <summary>Plaintext of one index, snapshot, manifest or lock file (a backup's largest index file, 8 packs
    /// of the smallest blobs, stays under it).</summary>
    public const int MaxSealedFileBytes = 256 * 1024 * 1024;

    /// <summary>A sealed file as stored: its format byte, at most <see cref="MaxSealedFileBytes"/> (stored raw when zstd
    /// does not shrink it) and the seal.</summary>
    public const long MaxSealedObjectBytes = 1L + MaxSealedFileBytes + Crypto.AuthenticatedCipher.Overhead;

    /// <summary>Plaintext of one blob: a chunk, or a directory listing of a very large directory.</summary>
    public const uint MaxBlobBytes = 1024 * 1024 * 1024;

    /// <summary>The config object and a key envelope: a few hundred bytes of JSON each.</summary>
    public const int MaxSmallObjectBytes = 64 * 1024;

    /// <summary>Sizes that parameters in a config object may take.</summary>
    public const int MinPackSize = 64 * 1024, MaxPackSize = 1024 * 1024 * 1024;

    /// <summary>The largest chunk: every file reader holds a buffer of it.</summary>
    public const int MaxChunkerMax = 64 * 1024 * 1024;
}
