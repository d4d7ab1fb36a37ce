using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>A backend that passes every call to another; test backends override the calls they change.</summary>
internal abstract class DelegatingBackend(IRepositoryBackend inner) : IRepositoryBackend
{
    public string Location => inner.Location;
    public virtual Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken) => inner.WriteAsync(key, data, mustNotExist, cancellationToken);
    public virtual Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken) => inner.WriteAsync(key, content, mustNotExist, cancellationToken);
    public virtual Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => inner.ReplaceAsync(key, data, cancellationToken);
    public virtual Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);
    public virtual Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken) => inner.OpenRangeAsync(key, offset, length, cancellationToken);
    public virtual IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    public virtual Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    public void Dispose() => inner.Dispose();
}
