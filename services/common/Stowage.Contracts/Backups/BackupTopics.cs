namespace Stowage.Contracts.Backups;

/// <summary>Pub/sub topics of backup runs.</summary>
public static class BackupTopics
{
    /// <summary>
    /// Another system asks for a backup now (<see cref="BackupCommand"/>); the answer is the run's <see cref="Finished"/>
    /// with the command's correlation id. Protected: only app ids the pub/sub component's publishingScopes name may publish.
    /// </summary>
    public const string Command = "backup.command";

    /// <summary>The scheduler (or a user's "back up now") asks the mover for a run.</summary>
    public const string Requested = "backup.requested";

    /// <summary>The mover reports progress of a running backup.</summary>
    public const string Progress = "backup.progress";

    /// <summary>The mover reports the end of a run, whatever its outcome.</summary>
    public const string Finished = "backup.finished";
}
