namespace Stowage.LocalSidecar.State;

/// One write in a state request: an upsert (Value set) or a delete (Value null); a non-empty ETag must match.
internal sealed record StateOperation(string Key, byte[]? Value, string? ETag)
{
    public bool IsDelete => Value is null;
}
