using Stowage.Contracts.Backups;
using Stowage.Mover.Runtime.Hooks;

namespace Stowage.Mover.Workflows;

/// <summary>What one run will do, fixed by its first activity so the workflow replays the same steps.</summary>
public sealed record BackupPlan(
    BackupRequested Request,
    IReadOnlyList<PlannedVolume> Volumes,
    IReadOnlyList<HookInvocation> PreHooks,
    IReadOnlyList<HookInvocation> PostHooks,
    int MaxParallelVolumes,
    string? Problem);

/// <summary>A volume to copy: from its live claim, or, with a <paramref name="SnapshotClass"/>, from a clone of a CSI snapshot.</summary>
public sealed record PlannedVolume(string ClaimName, string? StorageClass, string? Size, string? SnapshotClass = null);

public sealed record VolumeCopy(BackupRequested Request, PlannedVolume Volume);

public sealed record RunRecord(BackupRequested Request, IReadOnlyList<VolumeResult> Volumes, IReadOnlyList<PlannedVolume> Planned);

/// <summary>The workflow's custom status while it runs: which step, how many volumes are done.</summary>
public sealed record RunStatus(string Step, int VolumesDone, int VolumesTotal);
