using System.Text.Json;

namespace Stowage.Mover.Engine.Tests;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Json_larger_than_the_first_buffer_is_written_whole_and_in_order()
    {
        var values = Enumerable.Range(0, 50_000).Select(i => $"entry-{i}").ToArray();
        using var writer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(writer)) JsonSerializer.Serialize(json, values);

        Assert.True(writer.WrittenMemory.Length > 256 * 1024);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(values), writer.WrittenMemory.ToArray());
    }
}
