namespace Stowage.Common.EventSourcing;

/// <summary>
/// The one mutable document of a stream: how many events it holds and how many of them are known published.
/// Its ETag guards every append, which gives the stream its optimistic concurrency.
/// </summary>
internal sealed record StreamHead(long Version, long PublishedVersion);
