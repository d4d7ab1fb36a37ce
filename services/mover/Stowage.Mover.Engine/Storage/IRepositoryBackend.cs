namespace Stowage.Mover.Engine.Storage;

/// <summary>
/// Where repository objects live. Objects are written once and never modified, except the config object, which a
/// format upgrade replaces; keys are slash-separated relative names such as "data/ab/ab12…" (see docs/repository-format.md).
/// </summary>
public interface IRepositoryBackend : IDisposable
{
    /// <summary>A display form of the location, never containing credentials.</summary>
    string Location { get; }

    /// <summary>Stores an object. With mustNotExist, fails with <see cref="ObjectExistsException"/> if the key is taken.</summary>
    Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken);

    /// <summary>Stores an object from a seekable stream read from its current position to its end.</summary>
    Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken);

    /// <summary>Replaces an object's bytes in one step: readers see the old bytes or the new, never neither or a mix.</summary>
    Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Reads a whole object; throws <see cref="ObjectMissingException"/> if absent.</summary>
    Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a stream of the object's bytes from offset, for reading length bytes in order (one request on an
    /// object store). The stream ends early only if the object is shorter; what it yields after length bytes is
    /// undefined. Throws <see cref="ObjectMissingException"/> if the object is absent.
    /// </summary>
    Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken);

    /// <summary>Lists objects whose key starts with prefix.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Removes an object; removing an absent object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Reads built on a backend's primitives, the same for every backend.</summary>
public static class RepositoryBackendReads
{
    /// <summary>Reads destination.Length bytes starting at offset; a shorter object fails with <see cref="EndOfStreamException"/>.</summary>
    public static async Task ReadRangeAsync(this IRepositoryBackend backend, string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (destination.Length == 0) return;
        await using var stream = await backend.OpenRangeAsync(key, offset, destination.Length, cancellationToken);
        try
        {
            await stream.ReadExactlyAsync(destination, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new EndOfStreamException($"Object '{key}' is shorter than expected.");
        }
    }

    /// <summary>
    /// Reads a whole object of at most maxBytes; a larger one fails once maxBytes + 1 bytes have come, without
    /// being read whole. The buffer grows with what arrives, not with the bound.
    /// </summary>
    internal static async Task<byte[]> ReadBoundedAsync(this IRepositoryBackend backend, string key, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var part = new byte[64 * 1024];
        await using (var stream = await backend.OpenRangeAsync(key, 0, maxBytes + 1, cancellationToken))
        {
            // A backend may give more than the range asked for, so the bound is kept here.
            int read;
            while (buffer.Length <= maxBytes && (read = await stream.ReadAsync(part, cancellationToken)) > 0) buffer.Write(part, 0, read);
        }
        return buffer.Length <= maxBytes ? buffer.ToArray()
            : throw new RepositoryDamagedException($"Object '{key}' is larger than the {maxBytes} bytes such an object holds (damaged or altered).");
    }
}

/// <summary>An object in a backend.</summary>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>The object asked for does not exist.</summary>
public sealed class ObjectMissingException(string key) : Exception($"Object '{key}' does not exist.")
{
    /// <summary>The missing key.</summary>
    public string Key { get; } = key;
}

/// <summary>A write-once object already exists.</summary>
public sealed class ObjectExistsException(string key) : Exception($"Object '{key}' already exists.");
