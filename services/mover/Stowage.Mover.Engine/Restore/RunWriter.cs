using Stowage.Mover.Engine.Repository;

namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// Gathers blobs that follow each other in one file (a large file's blocks lie in its packs in file order) and
/// writes them with one call: blobs are opened straight into the run's buffer, so 32 KiB blocks cost one write
/// per megabyte rather than one each, and no copy.
/// </summary>
internal sealed class RunWriter(OpenFiles files) : IDisposable
{
    /// <summary>The largest run written at once; larger blobs are written on their own.</summary>
    public const int Capacity = 1024 * 1024;

    private readonly byte[] _buffer = EngineBuffers.Pool.Rent(Capacity);
    private RestorePlan.FileTarget? _file;
    private long _start;
    private int _length;

    /// <summary>Space for rawLength bytes at offset of file, right after the run if they continue it (else the run is written first).</summary>
    public Span<byte> Reserve(RestorePlan.FileTarget file, long offset, int rawLength)
    {
        if (!ReferenceEquals(file, _file) || offset != _start + _length || _length + rawLength > Capacity)
        {
            Flush();
            _file = file;
            _start = offset;
        }
        return _buffer.AsSpan(_length, rawLength);
    }

    /// <summary>Adds the length bytes last reserved to the run.</summary>
    public void Commit(int length) => _length += length;

    public void Flush()
    {
        if (_length > 0) files.Write(_file!, _buffer.AsSpan(0, _length), _start);
        _length = 0;
        _file = null;
    }

    public void Dispose() => EngineBuffers.Pool.Return(_buffer);
}
