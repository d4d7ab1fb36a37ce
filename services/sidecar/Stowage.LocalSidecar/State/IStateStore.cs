namespace Stowage.LocalSidecar.State;

/// A key-value store with ETag concurrency. Keys arrive already scoped per app ("appid||key"), as daprd stores them.
internal interface IStateStore
{
    Task<StateEntry?> GetAsync(string storeName, string key, CancellationToken cancellationToken);

    /// Applies every operation or none; throws <see cref="ETagMismatchException"/> when an ETag does not match.
    Task ApplyAsync(string storeName, IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken);
}
