using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>Repositories whose large-file blocks are small, so tests reach many blocks and several content lists with little data.</summary>
internal static class BlockRepositories
{
    public const int BlockSize = 4096;
    public const long Threshold = 64 * 1024;

    public static RepositoryInitOptions Options => TestRepository.Options with { Blocks = new BlockParameters(Threshold, BlockSize) };

    /// <summary>Bytes stored in a local repository directory.</summary>
    public static long Size(string repository) => Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>Overwrites length bytes at offset with fresh random bytes, as a database rewrites a page.</summary>
    public static void RewritePage(string path, long offset, int length, Random random)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(SampleTree.Bytes(random, length));
    }
}
