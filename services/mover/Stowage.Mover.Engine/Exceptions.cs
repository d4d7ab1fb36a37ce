namespace Stowage.Mover.Engine;

/// <summary>No key envelope of the repository opens with the given password or key file.</summary>
public sealed class WrongPasswordException(string message) : Exception(message);

/// <summary>The repository is missing objects or holds objects that fail verification.</summary>
public sealed class RepositoryDamagedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No repository exists at the given location, or one already exists where a new one was asked for.</summary>
public sealed class RepositoryLocationException(string message) : Exception(message);

/// <summary>The repository's object store did not answer for longer than the configured outage tolerance.</summary>
public sealed class RepositoryUnreachableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// A backup or prune stopped because its lock could not be refreshed for half the stale age: carrying on
/// would let others take the lock for stale (a prune could then delete data a backup relies on).
/// </summary>
public sealed class RepositoryLockLostException(string message, string lockKey, DateTimeOffset lastRefreshed, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The object key of the lock that could not be refreshed.</summary>
    public string LockKey { get; } = lockKey;

    /// <summary>When the lock was last written successfully.</summary>
    public DateTimeOffset LastRefreshed { get; } = lastRefreshed;
}

/// <summary>A restore met an entry it will not write: an unsafe or repeated name, or a path that would leave the target.</summary>
public sealed class RestoreRefusedException(string entry, string reason) : Exception($"Restore refused '{entry}': {reason}.")
{
    /// <summary>The entry's path inside the snapshot (unsafe characters escaped).</summary>
    public string Entry { get; } = entry;
}

/// <summary>A block that changed-block tracking called unchanged hashed to another id than the parent's: the ranges are wrong.</summary>
internal sealed class ChangedBlocksRefutedException(long block) : Exception($"block {block} changed although the changed ranges do not name it")
{
    public long Block { get; } = block;
}
