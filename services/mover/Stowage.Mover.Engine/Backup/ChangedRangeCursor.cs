namespace Stowage.Mover.Engine.Backup;

/// <summary>
/// Answers, for blocks asked in ascending order, whether a range of the stream touches them. Ranges are read as the
/// file is, so the delta is never held whole. After the stream fails or breaks its order, every block counts as
/// changed: reading too much is always correct.
/// </summary>
internal sealed class ChangedRangeCursor(IAsyncEnumerable<ByteRange> ranges, int blockSize, string path, Action<string> warn) : IAsyncDisposable
{
    private IAsyncEnumerator<ByteRange>? _ranges;
    private long _first = -1, _last = -1, _end;
    private bool _done, _failed;

    public async ValueTask<bool> IsChangedAsync(long block, CancellationToken cancellationToken)
    {
        while (!_done && !_failed && _last < block) await NextAsync(block, cancellationToken);
        return _failed || (_first <= block && block <= _last);
    }

    private async ValueTask NextAsync(long block, CancellationToken cancellationToken)
    {
        try
        {
            _ranges ??= ranges.GetAsyncEnumerator(cancellationToken);
            if (!await _ranges.MoveNextAsync())
            {
                _done = true;
                return;
            }
            var (offset, length) = _ranges.Current;
            if (offset < _end || length <= 0)
                throw new InvalidDataException($"range ({offset}, {length}) is out of order or empty");
            _end = offset + length;
            _first = offset / blockSize;
            _last = (_end - 1) / blockSize;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _failed = true;
            warn($"Changed-block stream failed at byte {block * blockSize} ({e.Message}); the rest of '{path}' was read in full.");
        }
    }

    public ValueTask DisposeAsync() => _ranges?.DisposeAsync() ?? ValueTask.CompletedTask;
}
