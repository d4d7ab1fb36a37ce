using System.Text.Json.Serialization;

namespace Stowage.Contracts.Discovery;

/// <summary>Whether an application can be protected as discovered, and what stands in the way.</summary>
/// <param name="Readiness">The summary.</param>
/// <param name="Problems">Sentences that say what is wrong and what to do, sorted.</param>
public sealed record ProtectionStatus(ProtectionReadiness Readiness, IReadOnlyList<string> Problems);

/// <summary>How ready an application is to be protected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProtectionReadiness>))]
public enum ProtectionReadiness
{
    /// <summary>Every protected volume has a VolumeSnapshotClass for its driver.</summary>
    SnapshotReady,

    /// <summary>At least one protected volume is copied file by file after the hooks.</summary>
    FileCopyOnly,

    /// <summary>No volume to protect; only resources would be saved.</summary>
    NothingToProtect,

    /// <summary>Discovery found problems (see the list); a backup may be incomplete.</summary>
    Degraded,
}
