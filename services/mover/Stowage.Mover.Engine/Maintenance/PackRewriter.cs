using Stowage.Mover.Engine.Scratch;
using Stowage.Mover.Engine.Packs;
using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Copies still-used blobs out of packs about to be deleted into new packs, without decrypting them.</summary>
internal static class PackRewriter
{
    public static async Task<List<PackDescriptor>> RewriteAsync(RepositoryStore store, List<(BlobId Pack, PackEntry Entry)> blobs, string? spillRoot, CancellationToken cancellationToken)
    {
        using var scratch = ScratchFolder.Create(spillRoot ?? ScratchFolder.DefaultRoot, "prune");
        var written = new List<PackDescriptor>();
        var builders = new Dictionary<BlobType, PackBuilder>();
        foreach (var group in blobs.GroupBy(b => b.Pack))
        {
            var pack = await store.Backend.ReadAsync(RepositoryLayout.Pack(group.Key), cancellationToken);
            foreach (var (_, entry) in group)
            {
                var sealedBlob = pack.AsSpan((int)entry.Offset, (int)entry.Length);
                // A damaged blob must not be carried forward under a fresh pack id.
                store.Keys.Blobs.Open(entry, sealedBlob, $"pack {group.Key.ToShortString()}");
                if (!builders.TryGetValue(entry.Type, out var builder)) builders[entry.Type] = builder = new PackBuilder(scratch.Path);
                builder.Add(entry.Id, entry.Type, entry.Compressed, (int)entry.RawLength, sealedBlob);
                if (builder.Length >= store.Keys.Config.PackSize)
                {
                    written.Add(await UploadAsync(store, builder, cancellationToken));
                    builders.Remove(entry.Type);
                }
            }
        }
        foreach (var builder in builders.Values) written.Add(await UploadAsync(store, builder, cancellationToken));
        return written;
    }

    private static async Task<PackDescriptor> UploadAsync(RepositoryStore store, PackBuilder builder, CancellationToken cancellationToken)
    {
        using (builder)
        {
            var (content, descriptor) = builder.Finish(store.Keys.Cipher, durable: false);
            await store.Backend.WriteAsync(RepositoryLayout.Pack(descriptor.PackId), content, mustNotExist: false, cancellationToken);
            return descriptor;
        }
    }
}
