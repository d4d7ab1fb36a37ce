using System.Buffers;

namespace Stowage.Mover.Engine;

/// <summary>
/// A buffer writer over arrays of the engine's pool. A directory of 10,000 files is a 3 MiB tree; serialized into a
/// new array each time, every such tree left arrays on the large object heap that only a full collection frees, and
/// an unchanged re-backup of a million files ended with 76 MiB of them.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[]? _buffer = PooledBytes.Rent(64 * 1024);
    private int _written;

    public ReadOnlyMemory<byte> WrittenMemory => Buffer.AsMemory(0, _written);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferWriter));

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

    private byte[] Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= Buffer.Length) return Buffer;
        var larger = PooledBytes.Rent(Math.Max(needed, Buffer.Length * 2));
        Buffer.AsSpan(0, _written).CopyTo(larger);
        EngineBuffers.Pool.Return(Buffer);
        return _buffer = larger;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } returned) EngineBuffers.Pool.Return(returned);
    }
}
