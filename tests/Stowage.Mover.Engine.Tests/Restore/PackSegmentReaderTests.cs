using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Restore;

public sealed class PackSegmentReaderTests
{
    private static readonly byte[] Pack = Enumerable.Range(0, 6 * 1024 * 1024).Select(i => (byte)(i * 31 + i / 7)).ToArray();

    [Fact]
    public async Task Neighbouring_segments_and_small_gaps_are_read_through_one_request()
    {
        var backend = new RangeBackend(Pack);
        (long, int)[] segments = [(100, 5000), (5100, 70_000), (75_100 + 300_000, 1000), (376_100, 2 * 1024 * 1024)];

        var read = await ReadAllAsync(backend, segments);

        Assert.Equal([(100L, segments[^1].Item1 + segments[^1].Item2 - 100)], backend.Opened);
        AssertBytes(segments, read);
    }

    [Fact]
    public async Task A_gap_larger_than_the_limit_starts_a_new_request()
    {
        var backend = new RangeBackend(Pack);
        var far = 10 + 1000 + PackSegmentReader.GapLimit + 1;
        (long, int)[] segments = [(10, 1000), (far, 4000)];

        var read = await ReadAllAsync(backend, segments);

        Assert.Equal([(10L, 1000L), (far, 4000L)], backend.Opened);
        AssertBytes(segments, read);
    }

    [Fact]
    public async Task A_stream_that_breaks_off_is_reopened_at_the_segment_it_broke_on()
    {
        var backend = new RangeBackend(Pack) { BreakFirstStreamAfter = 7000 };
        (long, int)[] segments = [(0, 4000), (4000, 4000), (8000, 4000)];

        var read = await ReadAllAsync(backend, segments);

        Assert.Equal([(0L, 12_000L), (4000L, 8000L)], backend.Opened);
        AssertBytes(segments, read);
    }

    [Fact]
    public async Task A_stream_that_keeps_breaking_fails_the_read()
    {
        var backend = new RangeBackend(Pack) { BreakEveryStreamAfter = 100 };
        await using var reader = new PackSegmentReader(backend, "data/p", [(0, 4000)]);

        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadAsync(0, new byte[4000], CancellationToken.None));
        Assert.Equal(2, backend.Opened.Count);
    }

    private static async Task<List<byte[]>> ReadAllAsync(IRepositoryBackend backend, (long Offset, int Length)[] segments)
    {
        await using var reader = new PackSegmentReader(backend, "data/p", segments);
        var read = new List<byte[]>();
        for (var i = 0; i < segments.Length; i++)
        {
            var buffer = new byte[segments[i].Length];
            await reader.ReadAsync(i, buffer, CancellationToken.None);
            read.Add(buffer);
        }
        return read;
    }

    private static void AssertBytes((long Offset, int Length)[] segments, List<byte[]> read)
    {
        for (var i = 0; i < segments.Length; i++)
            Assert.True(Pack.AsSpan((int)segments[i].Offset, segments[i].Length).SequenceEqual(read[i]), $"segment {i} differs");
    }

    /// <summary>Serves ranges of one in-memory object and records each request; can break streams off mid-way.</summary>
    private sealed class RangeBackend(byte[] data) : IRepositoryBackend
    {
        public List<(long Offset, long Length)> Opened { get; } = [];
        public int? BreakFirstStreamAfter { get; init; }
        public int? BreakEveryStreamAfter { get; init; }

        public string Location => "memory";

        public Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken)
        {
            Opened.Add((offset, length));
            var breakAfter = BreakEveryStreamAfter ?? (Opened.Count == 1 ? BreakFirstStreamAfter : null);
            var body = new MemoryStream(data, (int)offset, (int)Math.Min(length, data.Length - offset), writable: false);
            return Task.FromResult<Stream>(breakAfter is { } limit ? new BreakingStream(body, limit) : body);
        }

        public Task WriteAsync(string key, ReadOnlyMemory<byte> bytes, bool mustNotExist, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
        public void Dispose() { }
    }

    /// <summary>Yields a number of bytes, then fails the way a dropped connection does.</summary>
    private sealed class BreakingStream(Stream inner, int bytesBeforeBreak) : Stream
    {
        private int _left = bytesBeforeBreak;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left == 0) throw new IOException("The connection was reset.");
            var read = inner.Read(buffer.Span[..Math.Min(buffer.Length, _left)]);
            _left -= read;
            return ValueTask.FromResult(read);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().Result;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
