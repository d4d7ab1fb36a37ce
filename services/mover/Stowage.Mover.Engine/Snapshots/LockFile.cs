using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>The JSON inside a locks/ object: who is working on the repository, refreshed while they work.</summary>
internal sealed record LockFile(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("started")] DateTimeOffset Started,
    [property: JsonPropertyName("host")] string Hostname,
    [property: JsonPropertyName("pid")] int ProcessId)
{
    public const string Backup = "backup";
    public const string Prune = "prune";
}
