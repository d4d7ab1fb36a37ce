using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;

namespace Stowage.Contracts.Restores;

/// <summary>Pub/sub topics of restores.</summary>
public static class RestoreTopics
{
    /// <summary>
    /// Another system asks for a restore (<see cref="RestoreCommand"/>); the answer is the restore's <see cref="Finished"/>
    /// with the command's correlation id. Protected: only app ids the pub/sub component's publishingScopes name may publish.
    /// </summary>
    public const string Command = "restore.command";

    /// <summary>The scheduler hands a restore command, resolved against its policy, to the restore service.</summary>
    public const string Requested = "restore.requested";

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

/// <summary>
/// The end of a restore. <paramref name="CorrelationId"/> is the one of the <see cref="RestoreCommand"/> that asked for it.
/// A command that started no restore (a field missing, no policy for its application) ends in a Failed event with an
/// empty <paramref name="RestoreId"/> whose <paramref name="Reason"/> names the field or what is unknown.
/// </summary>
public sealed record RestoreFinished(
    Guid EventId, DateTimeOffset OccurredAt, string RestoreId, string RunId, RunOutcome Outcome, string? Reason,
    IReadOnlyList<RestoredItem> Resources, IReadOnlyList<RestoredItem> Volumes, string? CorrelationId = null) : IIntegrationEvent
{
    /// <summary>Whether this answers a command that started no restore: there is no restore to record.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRefusal => RestoreId.Length == 0;

    /// <summary>The answer to a restore command that was refused before anything was written: Failed, with why and the command's correlation id.</summary>
    public static RestoreFinished Refused(Guid eventId, DateTimeOffset at, string restoreId, string runId, string refusal, string correlationId) =>
        new(eventId, at, restoreId, runId, RunOutcome.Failed, $"{refusal} Nothing was restored. (correlation id {correlationId})", [], [], correlationId);
}
