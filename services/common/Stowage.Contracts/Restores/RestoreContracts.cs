using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;

namespace Stowage.Contracts.Restores;

public static class RestoreTopics
{
    /// <summary>The restore service reports the end of a restore, whatever its outcome.</summary>
    public const string Finished = "restore.finished";
}

/// <summary>
/// What to restore: a run found in the bucket (the newest of <paramref name="Application"/> when no run id is
/// given), into <paramref name="TargetNamespace"/> (the original one when null), with storage classes renamed
/// by <paramref name="StorageClassMap"/>.
/// </summary>
public sealed record RestoreRequest(
    BackupTarget Target,
    string? RunId = null,
    ApplicationRef? Application = null,
    string? TargetNamespace = null,
    IReadOnlyDictionary<string, string>? StorageClassMap = null,
    string CredentialsNamespace = "default");

/// <summary>What became of one resource or volume in a restore.</summary>
public sealed record RestoredItem(string Kind, string Name, bool Succeeded, string? Detail);

public sealed record RestoreFinished(
    Guid EventId, DateTimeOffset OccurredAt, string RestoreId, string RunId, RunOutcome Outcome, string? Reason,
    IReadOnlyList<RestoredItem> Resources, IReadOnlyList<RestoredItem> Volumes) : IIntegrationEvent;
