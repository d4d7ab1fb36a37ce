using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>Simulates a crash: after a number of successful writes, every write fails.</summary>
internal sealed class FaultyBackend(IRepositoryBackend inner, int writesBeforeCrash) : IRepositoryBackend
{
    private int _writes;

    public string Location => inner.Location;

    public Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException("Simulated crash: the backend went away.") : inner.WriteAsync(key, data, mustNotExist, cancellationToken);

    public Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException("Simulated crash: the backend went away.") : inner.WriteAsync(key, content, mustNotExist, cancellationToken);

    public Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException("Simulated crash: the backend went away.") : inner.ReplaceAsync(key, data, cancellationToken);

    public Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);
    public Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken) => inner.OpenRangeAsync(key, offset, length, cancellationToken);
    public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    public void Dispose() => inner.Dispose();

    private bool Crashed() => Interlocked.Increment(ref _writes) > writesBeforeCrash;
}
