using Stowage.Contracts.Policies;

namespace Stowage.Contracts.Restores;

/// <summary>
/// "Restore this application", from another system through its own Dapr sidecar (topic <see cref="RestoreTopics.Command"/>).
/// The source is an application (<paramref name="Application"/>, namespace and name) or its policy (<paramref name="PolicyId"/>),
/// whose bucket holds the backup: <paramref name="BackupId"/> is a run id, or "latest" (or absent) for the newest run.
/// The restore writes into <paramref name="TargetNamespace"/>, with storage classes renamed by <paramref name="StorageClassMap"/>,
/// and does only what the commands identity may do there. <paramref name="EventId"/> is the command's id: a command
/// delivered twice starts one restore. The answer is the restore's <see cref="RestoreFinished"/> carrying <paramref name="CorrelationId"/>.
/// </summary>
public sealed record RestoreCommand(
    Guid EventId, DateTimeOffset OccurredAt, string CorrelationId, string? TargetNamespace = null, ApplicationRef? Application = null,
    string? PolicyId = null, string? BackupId = null, IReadOnlyDictionary<string, string>? StorageClassMap = null)
    : IIntegrationEvent
{
    /// <summary>The <see cref="BackupId"/> that names the newest run of the application.</summary>
    public const string Latest = "latest";
}

/// <summary>
/// A restore command the scheduler resolved against the policy it names (the bucket, its credentials), for the restore
/// service: it starts restore <paramref name="RestoreId"/> as the commands identity, so the request carries no caller.
/// <paramref name="RestoreId"/> is made from the command's id, so a request delivered twice starts one restore.
/// </summary>
public sealed record RestoreRequested(Guid EventId, DateTimeOffset OccurredAt, string RestoreId, string CorrelationId, RestoreRequest Request)
    : IIntegrationEvent;
