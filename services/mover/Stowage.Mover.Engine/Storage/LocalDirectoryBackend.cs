using System.Runtime.CompilerServices;
using Stowage.Mover.Engine.FileSystem;

namespace Stowage.Mover.Engine.Storage;

/// <summary>A repository in a local directory (or any mounted file system).</summary>
public sealed class LocalDirectoryBackend : IRepositoryBackend
{
    private const string TempMarker = ".tmp-";
    private readonly string _root;
    private readonly Action<string> _syncDirectory;

    /// <summary>Uses (and creates if needed) the directory at root.</summary>
    public LocalDirectoryBackend(string root) : this(root, DirectorySync.Flush)
    {
    }

    /// <summary>As the public constructor; syncDirectory stands in for the directory fsync (tests watch its order).</summary>
    internal LocalDirectoryBackend(string root, Action<string> syncDirectory)
    {
        _root = Path.GetFullPath(root);
        _syncDirectory = syncDirectory;
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public string Location => _root;

    /// <summary>Whether writes (the file, then its directory entry) are flushed to stable storage before they count as done (default true).</summary>
    public bool Durable { get; init; } = true;

    /// <inheritdoc />
    public Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken) =>
        WriteAsync(key, (stream, ct) => stream.WriteAsync(data, ct).AsTask(), mustNotExist, cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken) =>
        WriteAsync(key, (stream, ct) => content.CopyToAsync(stream, 1 << 20, ct), mustNotExist, cancellationToken);

    /// <inheritdoc />
    public Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        WriteAsync(key, (stream, ct) => stream.WriteAsync(data, ct).AsTask(), mustNotExist: false, cancellationToken, replace: true);

    private async Task WriteAsync(string key, Func<Stream, CancellationToken, Task> write, bool mustNotExist, CancellationToken cancellationToken, bool replace = false)
    {
        var path = PathOf(key);
        if (!replace && File.Exists(path))
        {
            if (mustNotExist) throw new ObjectExistsException(key);
            return;
        }
        var directory = Path.GetDirectoryName(path)!;
        var newDirectory = !Directory.Exists(directory);
        Directory.CreateDirectory(directory);
        var temp = path + TempMarker + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                if (Durable) stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: replace);
            if (Durable) SyncNames(directory, newDirectory);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            if (mustNotExist) throw new ObjectExistsException(key);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The file was synced before the rename; its name is durable once its directory is, and a new directory's once its parents are.</summary>
    private void SyncNames(string directory, bool newDirectory)
    {
        _syncDirectory(directory);
        if (!newDirectory) return;
        for (var parent = Path.GetDirectoryName(directory); parent is not null && parent.Length >= _root.Length; parent = Path.GetDirectoryName(parent))
            _syncDirectory(parent);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(key), cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectMissingException(key);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken)
    {
        try
        {
            // Unbuffered: the caller reads large runs straight into its own buffers.
            var stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            stream.Position = offset;
            return Task.FromResult<Stream>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectMissingException(key);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var directory = PathOf(prefix.Contains('/') ? prefix[..prefix.LastIndexOf('/')] : "");
        if (!Directory.Exists(directory)) yield break;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.Name.Contains(TempMarker, StringComparison.Ordinal)) continue;
            var key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
                yield return new StoredObject(key, file.Length, file.LastWriteTimeUtc);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string PathOf(string key)
    {
        if (key.Contains("..", StringComparison.Ordinal)) throw new ArgumentException($"Invalid key '{key}'.");
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
