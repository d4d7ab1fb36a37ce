namespace Stowage.Common.EventSourcing;

/// <summary>
/// Every event of a stream up to <paramref name="Version"/> has been handed to pub/sub. Its own document, changed with its
/// own ETag and only ever forward, so publishing never writes the head an append guards.
/// </summary>
internal sealed record PublishCursor(long Version);
