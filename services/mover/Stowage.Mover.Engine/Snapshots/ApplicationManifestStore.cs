using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>The application manifest (Kubernetes resources as JSON) kept under manifests/ beside a snapshot, encrypted.</summary>
internal static class ApplicationManifestStore
{
    public static async Task WriteAsync(RepositoryStore store, BlobId snapshotId, byte[] manifest, CancellationToken cancellationToken)
    {
        var stored = store.Keys.Files.Seal("manifest/" + snapshotId, manifest);
        await store.Backend.WriteAsync(RepositoryLayout.Manifest(snapshotId), stored, mustNotExist: true, cancellationToken);
    }

    public static async Task<byte[]?> ReadAsync(RepositoryStore store, BlobId snapshotId, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.Backend.ReadBoundedAsync(RepositoryLayout.Manifest(snapshotId), RepositoryLimits.MaxSealedObjectBytes, cancellationToken);
            return store.Keys.Files.Open("manifest/" + snapshotId, stored, $"Manifest of snapshot {snapshotId.ToShortString()}");
        }
        catch (ObjectMissingException)
        {
            return null;
        }
    }
}
