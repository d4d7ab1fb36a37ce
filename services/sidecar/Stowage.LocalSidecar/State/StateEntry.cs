namespace Stowage.LocalSidecar.State;

/// A stored value and the ETag that guards it.
internal sealed record StateEntry(byte[] Value, string ETag);
