using System.Text.Json.Serialization;
using Stowage.Mover.Engine.Chunking;

namespace Stowage.Mover.Engine.Repository;

/// <summary>The plaintext "config" object: format version and parameters every client must agree on.</summary>
internal sealed record RepositoryConfig(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("chunkerMin")] int ChunkerMin,
    [property: JsonPropertyName("chunkerAverage")] int ChunkerAverage,
    [property: JsonPropertyName("chunkerMax")] int ChunkerMax,
    [property: JsonPropertyName("compression")] string Compression,
    [property: JsonPropertyName("compressionLevel")] int CompressionLevel,
    [property: JsonPropertyName("packSize")] int PackSize,
    [property: JsonPropertyName("chunkerNormalization")] int? ChunkerNormalization = null)
{
    public const int CurrentVersion = 1;

    public ChunkerParameters Chunker => new(ChunkerMin, ChunkerAverage, ChunkerMax, ChunkerNormalization ?? ChunkerParameters.LegacyNormalization);
}
