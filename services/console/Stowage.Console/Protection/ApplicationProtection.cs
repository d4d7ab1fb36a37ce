using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Protection;

/// <summary>
/// How one application is protected, as the events of discovery, policy, backup and restore leave it: the
/// read model the console shows. <see cref="ProtectionProjection.Evolve"/> is its only writer.
/// </summary>
/// <param name="Id">Discovery's id, <c>{namespace}/{name}</c>.</param>
/// <param name="Discovered">Discovery sees the application now (false once it vanished; its backups stay).</param>
/// <param name="Suggested">The policy discovery suggests for its kind.</param>
/// <param name="Policy">Its live policy; null when it is unprotected.</param>
/// <param name="Runs">Its latest backup runs, oldest first, at most <see cref="ProtectionProjection.RunsKept"/>.</param>
/// <param name="LastRestore">The latest restore of one of its backups.</param>
public sealed record ApplicationProtection(
    string Id,
    string Namespace,
    string Name,
    string Kind,
    string KindDisplayName,
    bool Discovered,
    SuggestedPolicy? Suggested,
    ProtectingPolicy? Policy,
    IReadOnlyList<RunRecord> Runs,
    RestoreRecord? LastRestore)
{
    public static ApplicationProtection Unknown(string ns, string name) =>
        new($"{ns}/{name}", ns, name, "unknown", "Unknown", false, null, null, [], null);
}

/// <summary>The policy protecting an application (never its credentials: the target names a reference only).</summary>
public sealed record ProtectingPolicy(string Id, long Version, BackupSchedule Schedule, RetentionRule Retention, BackupTarget Target, bool Paused,
    string? PausedReason, DateTimeOffset Since);

/// <summary>One backup run: queued or running until <see cref="FinishedAt"/>, then its outcome.</summary>
public sealed record RunRecord(
    string RunId,
    string PolicyId,
    BackupTrigger Trigger,
    DateTimeOffset RequestedAt,
    DateTimeOffset? FinishedAt = null,
    RunOutcome? Outcome = null,
    string? Reason = null,
    IReadOnlyList<VolumeResult>? Volumes = null,
    int? BackupsKept = null,
    RunActivity? Activity = null,
    IReadOnlyList<RunHook>? Hooks = null)
{
    public long BytesAdded => (Volumes ?? []).Sum(v => v.BytesAdded);

    public long SourceBytes => (Volumes ?? []).Sum(v => v.SourceBytes);

    public TimeSpan? Duration => FinishedAt - RequestedAt;

    public bool Succeeded => Outcome == RunOutcome.Succeeded;
}

/// <summary>
/// A consistency hook the run was asked to run, by its program alone: like the mover's logs, the read model never holds a
/// hook's arguments or output (they may hold secrets).
/// </summary>
public sealed record RunHook(HookPhase Phase, string Container, string Program)
{
    public static IReadOnlyList<RunHook> Of(IReadOnlyList<HookSpec>? hooks) =>
        (hooks ?? []).Select(h => new RunHook(h.Phase, h.Container, h.Command.Count > 0 ? Path.GetFileName(h.Command[0]) : "")).ToList();
}

/// <summary>What a running backup reported last.</summary>
public sealed record RunActivity(string Step, long BytesProcessed, DateTimeOffset At);

/// <summary>The end of a restore of one of the application's backups.</summary>
public sealed record RestoreRecord(string RestoreId, string RunId, RunOutcome Outcome, string? Reason, DateTimeOffset FinishedAt);
