using System.Text.Json.Serialization;

namespace Stowage.Common.EventSourcing;

/// <summary>
/// How many events a stream holds. Only appends write it, each guarded by the head's ETag, which gives the stream its
/// optimistic concurrency; how far publishing got is kept apart, in the <see cref="PublishCursor"/>.
/// </summary>
internal sealed record StreamHead(long Version)
{
    /// <summary>
    /// Where heads written before the publish cursor existed kept publishing progress; read only as the cursor's
    /// starting point while a stream has no cursor yet.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long PublishedVersion { get; init; }
}
