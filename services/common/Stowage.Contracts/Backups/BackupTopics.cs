namespace Stowage.Contracts.Backups;

/// <summary>Pub/sub topics of backup runs.</summary>
public static class BackupTopics
{
    /// <summary>The scheduler (or a user's "back up now") asks the mover for a run.</summary>
    public const string Requested = "backup.requested";

    /// <summary>The mover reports progress of a running backup.</summary>
    public const string Progress = "backup.progress";

    /// <summary>The mover reports the end of a run, whatever its outcome.</summary>
    public const string Finished = "backup.finished";
}
