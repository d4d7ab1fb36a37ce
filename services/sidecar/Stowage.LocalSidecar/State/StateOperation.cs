namespace Stowage.LocalSidecar.State;

/// One write in a state request: an upsert (Value set) or a delete (Value null). A non-empty ETag must match the stored one;
/// CreateOnly (first-write concurrency without an ETag) requires that the key does not exist yet, as Dapr's stores do.
internal sealed record StateOperation(string Key, byte[]? Value, string? ETag, bool CreateOnly = false)
{
    public bool IsDelete => Value is null;

    public bool Accepts(StateEntry? current) =>
        string.IsNullOrEmpty(ETag) ? !(CreateOnly && !IsDelete && current is not null) : current?.ETag == ETag;
}
