namespace Stowage.Mover.Runtime.Runs;

/// <summary>
/// Tags on every snapshot of a run. They are how a new cluster finds backups in a bucket: one snapshot per volume,
/// plus one "resources" snapshot that carries the run's manifest.
/// </summary>
public static class BackupTags
{
    public const string Run = "stowage.run";
    public const string Policy = "stowage.policy";
    public const string Application = "stowage.application";
    public const string Volume = "stowage.volume";

    /// <summary>The CSI handle of the VolumeSnapshot a volume was copied from (VolumeSnapshotContent.status.snapshotHandle):
    /// the base the volume's next backup asks changed blocks against.</summary>
    public const string SnapshotHandle = "csi.snapshotHandle";

    /// <summary>The volume tag value of the snapshot that carries the run manifest.</summary>
    public const string ResourcesVolume = "_resources";
}
