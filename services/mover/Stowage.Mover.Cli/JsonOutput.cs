using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Snapshots;

namespace Stowage.Mover.Cli;

/// <summary>Writes results as indented JSON on stdout.</summary>
internal static class JsonOutput
{
    public static void Write<T>(T value, JsonTypeInfo<T> type) => Console.Out.WriteLine(JsonSerializer.Serialize(value, type));
}

/// <summary>Source-generated serializers for the CLI's --json output (the CLI is compiled ahead of time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(SnapshotInfo))]
[JsonSerializable(typeof(IReadOnlyList<SnapshotInfo>))]
[JsonSerializable(typeof(RepositoryStats))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
