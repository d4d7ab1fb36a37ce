using ZstdNet;

namespace Stowage.Mover.Engine.Compression;

/// <summary>
/// zstd through the reference C library (ZstdNet's native binding; about twice the managed port's speed),
/// skipped when a sample shows the data does not compress (already compressed or encrypted content).
/// </summary>
internal sealed class BlobCompressor(int level) : IDisposable
{
    private const int SampleSize = 64 * 1024;
    private const double WorthwhileRatio = 0.92;

    // Native contexts are not thread-safe; one per thread, freed with the repository.
    private readonly ThreadLocal<Compressor> _compressor = new(() => new Compressor(new CompressionOptions(level)), trackAllValues: true);
    private readonly ThreadLocal<Decompressor> _decompressor = new(() => new Decompressor(), trackAllValues: true);

    public static int MaxCompressedLength(int length) => Compressor.GetCompressBound(length);

    /// <summary>The size the frame says it decompresses to; frames written here always record it.</summary>
    public static ulong DecompressedSize(ReadOnlySpan<byte> compressed) => Decompressor.GetDecompressedSize(compressed);

    /// <summary>Compresses into output and returns the length, or returns -1 when storing raw is better.</summary>
    public int TryCompress(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (data.Length < 64) return -1;
        var compressor = _compressor.Value!;
        if (data.Length > 2 * SampleSize)
        {
            var middle = data.Slice(data.Length / 2 - SampleSize / 2, SampleSize);
            var sampleLength = compressor.Wrap(middle, output);
            if (sampleLength > middle.Length * WorthwhileRatio) return -1;
        }
        var written = compressor.Wrap(data, output);
        return written > data.Length * WorthwhileRatio ? -1 : written;
    }

    public int Decompress(ReadOnlySpan<byte> compressed, Span<byte> output) => _decompressor.Value!.Unwrap(compressed, output, bufferSizePrecheck: false);

    public void Dispose()
    {
        foreach (var compressor in _compressor.Values) compressor.Dispose();
        foreach (var decompressor in _decompressor.Values) decompressor.Dispose();
        _compressor.Dispose();
        _decompressor.Dispose();
    }
}
