namespace Stowage.Mover.Engine.Repository;

/// <summary>The object keys of a repository (see docs/repository-format.md).</summary>
internal static class RepositoryLayout
{
    public const string Config = "config";
    public const string KeysPrefix = "keys/";
    public const string DataPrefix = "data/";
    public const string IndexPrefix = "index/";
    public const string SnapshotsPrefix = "snapshots/";
    public const string ManifestsPrefix = "manifests/";
    public const string LocksPrefix = "locks/";

    public static string Pack(BlobId id)
    {
        var hex = id.ToString();
        return $"{DataPrefix}{hex[..2]}/{hex}";
    }

    public static string Index(BlobId id) => IndexPrefix + id;
    public static string Snapshot(BlobId id) => SnapshotsPrefix + id;
    public static string Manifest(BlobId snapshotId) => ManifestsPrefix + snapshotId;
    public static string Key(string id) => KeysPrefix + id;
    public static string Lock(string id) => LocksPrefix + id;

    public static string NameOf(string key) => key[(key.LastIndexOf('/') + 1)..];
}
