using Stowage.Contracts.Policies;

namespace Stowage.Contracts.Backups;

/// <summary>
/// "Back up this application now", from another system through its own Dapr sidecar (topic <see cref="BackupTopics.Command"/>).
/// It names the application by <paramref name="Application"/> (namespace and name) or its policy by <paramref name="PolicyId"/>;
/// the run follows that policy. <paramref name="EventId"/> is the command's id: a command delivered twice starts one run.
/// The answer is the run's <see cref="BackupFinished"/> carrying <paramref name="CorrelationId"/>.
/// </summary>
public sealed record BackupCommand(Guid EventId, DateTimeOffset OccurredAt, string CorrelationId, ApplicationRef? Application = null, string? PolicyId = null)
    : IIntegrationEvent;
