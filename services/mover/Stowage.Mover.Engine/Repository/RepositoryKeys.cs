using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Compression;
using Stowage.Mover.Engine.Crypto;

namespace Stowage.Mover.Engine.Repository;

/// <summary>The primitives of one opened repository, all derived from its master key and config.</summary>
internal sealed class RepositoryKeys : IDisposable
{
    public RepositoryKeys(MasterKey master, RepositoryConfig config)
    {
        Master = master;
        Config = config;
        Cipher = new AuthenticatedCipher(master.EncryptionKey);
        IdHasher = new ChunkIdHasher(master.ChunkIdKey);
        Chunker = new FastCdcChunker(config.Chunker, master.ChunkerSeed);
        Compressor = new BlobCompressor(config.CompressionLevel);
        Blobs = new BlobCodec(this);
        Files = new SealedFileCodec(Cipher, Compressor);
    }

    public MasterKey Master { get; }
    public RepositoryConfig Config { get; private set; }
    public AuthenticatedCipher Cipher { get; }
    public ChunkIdHasher IdHasher { get; }
    public FastCdcChunker Chunker { get; }
    public BlobCompressor Compressor { get; }
    public BlobCodec Blobs { get; }
    public SealedFileCodec Files { get; }

    /// <summary>After an in-place upgrade: the same parameters under a newer format version, which may add large-file blocks.</summary>
    public void UseUpgraded(RepositoryConfig upgraded)
    {
        if (upgraded with { Version = Config.Version, BlockThreshold = Config.BlockThreshold, BlockSize = Config.BlockSize } != Config)
            throw new InvalidOperationException("An upgrade keeps every parameter.");
        Config = upgraded;
    }

    public void Dispose()
    {
        Cipher.Dispose();
        Compressor.Dispose();
    }
}
