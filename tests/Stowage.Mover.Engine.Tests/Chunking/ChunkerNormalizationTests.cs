using System.Text;
using System.Text.Json;
using Stowage.Mover.Engine.Chunking;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Chunking;

public sealed class ChunkerNormalizationTests
{
    [Fact]
    public async Task New_repositories_record_level_1_and_configs_without_the_field_keep_level_2()
    {
        using var temp = new TempDirectory("normalization");
        var backend = new LocalDirectoryBackend(temp.Sub("repo"));
        using (await TestRepository.InitAsync(backend)) { }
        var written = await backend.ReadAsync(RepositoryLayout.Config, CancellationToken.None);
        var legacy = Encoding.UTF8.GetString(written).Replace(",\"chunkerNormalization\":1", "");

        Assert.Equal(1, JsonSerializer.Deserialize(written, EngineJsonContext.Default.RepositoryConfig)!.Chunker.Normalization);
        Assert.NotEqual(Encoding.UTF8.GetString(written), legacy);
        Assert.Equal(ChunkerParameters.LegacyNormalization, JsonSerializer.Deserialize(legacy, EngineJsonContext.Default.RepositoryConfig)!.Chunker.Normalization);
    }
}
