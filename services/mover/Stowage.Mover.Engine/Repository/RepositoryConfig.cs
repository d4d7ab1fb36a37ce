using System.Text.Json.Serialization;
using Stowage.Mover.Engine.Chunking;

namespace Stowage.Mover.Engine.Repository;

/// <summary>The parameters in the "config" object (see <see cref="ConfigDocument"/>) that every client must agree on.</summary>
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
    [property: JsonPropertyName("chunkerNormalization")] int? ChunkerNormalization = null,
    [property: JsonPropertyName("blockThreshold"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BlockThreshold = null,
    [property: JsonPropertyName("blockSize"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? BlockSize = null)
{
    /// <summary>The first format: an unauthenticated config. Still read, and upgraded in place.</summary>
    public const int Version1 = 1;

    /// <summary>The config carries a MAC (and so does every later version).</summary>
    public const int Version2 = 2;

    /// <summary>Written by init and upgrade: large files may be cut into fixed blocks listed in content lists.</summary>
    public const int CurrentVersion = 3;

    /// <summary>How large files are cut into fixed blocks; null in repositories made before version 3 (FastCDC only).</summary>
    [JsonIgnore]
    public BlockParameters? Blocks => BlockThreshold is { } threshold && BlockSize is { } size ? new BlockParameters(threshold, size) : null;

    [JsonIgnore]
    public ChunkerParameters Chunker => new(ChunkerMin, ChunkerAverage, ChunkerMax, ChunkerNormalization ?? ChunkerParameters.LegacyNormalization);

    /// <summary>Refuses, naming the field, parameters no client writes; a version-1 config is not authenticated,
    /// so this bounds what an edit to it can do.</summary>
    public void Validate()
    {
        if (FindProblem() is { } problem) throw new RepositoryDamagedException($"The repository config is invalid: {problem}.");
    }

    /// <summary>The first parameter out of bounds, named by its field, or null.</summary>
    public string? FindProblem() =>
        Compression != "zstd" ? $"field 'compression' is '{Compression}', not zstd"
            : CompressionLevel is < RepositoryInitOptions.MinCompressionLevel or > RepositoryInitOptions.MaxCompressionLevel
                ? $"field 'compressionLevel' is {CompressionLevel}, outside {RepositoryInitOptions.MinCompressionLevel} to {RepositoryInitOptions.MaxCompressionLevel}"
            : PackSize is < RepositoryLimits.MinPackSize or > RepositoryLimits.MaxPackSize
                ? $"field 'packSize' is {PackSize}, outside {RepositoryLimits.MinPackSize} to {RepositoryLimits.MaxPackSize}"
            : ChunkerMax > RepositoryLimits.MaxChunkerMax ? $"field 'chunkerMax' is {ChunkerMax}, above {RepositoryLimits.MaxChunkerMax}"
            : BlockProblem() ?? ChunkerProblem();

    private string? BlockProblem() =>
        (BlockThreshold is null) != (BlockSize is null) ? "fields 'blockThreshold' and 'blockSize' come together"
            : Blocks is { } blocks && Version < CurrentVersion ? $"fields 'blockThreshold' and 'blockSize' need format version {CurrentVersion}"
            : Blocks?.FindProblem() is { } problem ? $"fields 'blockThreshold', 'blockSize': {problem}"
            : null;

    private string? ChunkerProblem()
    {
        try
        {
            Chunker.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return $"fields 'chunkerMin', 'chunkerAverage', 'chunkerMax', 'chunkerNormalization': {e.Message}";
        }
    }
}
