namespace Stowage.Common.EventSourcing;

/// <summary>State-store keys of one category of streams (for example "policy").</summary>
internal sealed class StreamKeys(string category)
{
    public string Catalog => $"{category}-streams";

    public string Head(string streamId) => $"{category}-head-{streamId}";

    public string Published(string streamId) => $"{category}-published-{streamId}";

    public string Event(string streamId, long version) => $"{category}-event-{streamId}-{version:D10}";
}
