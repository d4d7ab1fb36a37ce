using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Reads a pack's segments, in order, through as few requests as possible: one ranged read spans neighbouring
/// segments and the small gaps between them, so the object store serves a pack in one request instead of one
/// per segment, while the caller still holds only a segment or two in memory. A read that breaks off mid-stream
/// (a dropped connection) is retried once on a new request starting at the segment it broke on.
/// </summary>
internal sealed class PackSegmentReader(IRepositoryBackend backend, string key, IReadOnlyList<(long Offset, int Length)> segments) : IAsyncDisposable
{
    /// <summary>Gaps up to this size are read and thrown away rather than paid for with a new request.</summary>
    public const long GapLimit = 1024 * 1024;

    private Stream? _stream;
    private long _position;
    private long _streamEnd;

    /// <summary>Requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Reads segment index (segments must be read in ascending order) into destination.</summary>
    public async Task ReadAsync(int index, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var (offset, length) = segments[index];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (_stream is null || offset < _position || offset + length > _streamEnd) await OpenAsync(index, cancellationToken);
                await SkipAsync(_stream!, offset - _position, cancellationToken);
                await _stream!.ReadExactlyAsync(destination[..length], cancellationToken);
                _position = offset + length;
                return;
            }
            catch (IOException) when (attempt == 0)
            {
                await CloseAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async Task OpenAsync(int index, CancellationToken cancellationToken)
    {
        await CloseAsync();
        var (offset, length) = segments[index];
        var end = offset + length;
        for (var i = index + 1; i < segments.Count && segments[i].Offset - end <= GapLimit; i++) end = segments[i].Offset + segments[i].Length;
        Requests++;
        _stream = await backend.OpenRangeAsync(key, offset, end - offset, cancellationToken);
        _position = offset;
        _streamEnd = end;
    }

    private async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        var scratch = EngineBuffers.Pool.Rent((int)Math.Min(count, 64 * 1024));
        try
        {
            while (count > 0)
            {
                var chunk = (int)Math.Min(count, scratch.Length);
                await stream.ReadExactlyAsync(scratch.AsMemory(0, chunk), cancellationToken);
                count -= chunk;
                _position += chunk;
            }
        }
        finally
        {
            EngineBuffers.Pool.Return(scratch);
        }
    }

    private async ValueTask CloseAsync()
    {
        if (_stream is null) return;
        await _stream.DisposeAsync();
        _stream = null;
    }
}
