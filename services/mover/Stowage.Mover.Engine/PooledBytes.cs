namespace Stowage.Mover.Engine;

/// <summary>Bytes in an array of the engine's pool, returned to it when disposed; the owner must not keep Span after that.</summary>
internal sealed class PooledBytes(byte[] buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public int Length { get; } = length;

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, Length);

    /// <summary>A pool array of at least length bytes (a zero-length array is never the pool's, so at least one).</summary>
    public static byte[] Rent(int length) => EngineBuffers.Pool.Rent(Math.Max(1, length));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } returned) EngineBuffers.Pool.Return(returned);
    }
}
