using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>The JSON inside a snapshots/ object.</summary>
internal sealed record SnapshotFile(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("host")] string Hostname,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("tags")] Dictionary<string, string> Tags,
    [property: JsonPropertyName("parent")] string? Parent,
    [property: JsonPropertyName("tree")] string Tree,
    [property: JsonPropertyName("root")] TreeNode Root,
    [property: JsonPropertyName("summary")] SnapshotSummary Summary);

/// <summary>Counts recorded when a snapshot is made.</summary>
/// <param name="Files">Regular files in the snapshot.</param>
/// <param name="Directories">Directories in the snapshot.</param>
/// <param name="Bytes">Total size of the files.</param>
/// <param name="FilesUnchanged">Files taken from the parent snapshot without reading them.</param>
/// <param name="BlobsNew">Blobs uploaded by this backup.</param>
/// <param name="BlobsDeduplicated">Blobs already in the repository.</param>
/// <param name="BytesUploaded">Stored (compressed and encrypted) bytes written, packs plus index.</param>
/// <param name="DurationSeconds">Wall time of the backup.</param>
public sealed record SnapshotSummary(
    [property: JsonPropertyName("files")] long Files,
    [property: JsonPropertyName("dirs")] long Directories,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("unchanged")] long FilesUnchanged,
    [property: JsonPropertyName("blobsNew")] long BlobsNew,
    [property: JsonPropertyName("blobsDedup")] long BlobsDeduplicated,
    [property: JsonPropertyName("uploaded")] long BytesUploaded,
    [property: JsonPropertyName("seconds")] double DurationSeconds);
