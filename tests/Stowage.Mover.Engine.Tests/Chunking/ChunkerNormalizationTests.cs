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
        var written = ConfigDocument.Parse(await backend.ReadAsync(RepositoryLayout.Config, CancellationToken.None)).Unverified;
        var json = JsonSerializer.Serialize(written, EngineJsonContext.Default.RepositoryConfig);
        var legacy = json.Replace(",\"chunkerNormalization\":1", "");

        Assert.Equal(1, written.Chunker.Normalization);
        Assert.NotEqual(json, legacy);
        Assert.Equal(ChunkerParameters.LegacyNormalization, JsonSerializer.Deserialize(legacy, EngineJsonContext.Default.RepositoryConfig)!.Chunker.Normalization);
    }
}
