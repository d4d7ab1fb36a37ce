namespace Stowage.LocalSidecar.State;

/// Raised when an operation's ETag does not match the stored one; the text follows Dapr's state components.
internal sealed class ETagMismatchException(string key)
    : Exception($"possible etag mismatch. error from state store: etag does not match for key {key}")
{
    public string Key { get; } = key;
}
