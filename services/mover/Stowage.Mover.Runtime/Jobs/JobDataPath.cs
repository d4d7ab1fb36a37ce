using System.Text.Json;
using Microsoft.Extensions.Options;
using Stowage.Common.Targets;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.ChangedBlocks;
using Stowage.Mover.Runtime.Runs;
using Stowage.Mover.Runtime.Volumes;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>
/// The "jobs" data path: each volume is read or written by a volume job in the application's namespace whose pod
/// mounts the claim. A live copy of a claim attachable to one node runs on the node of the pod using it; a clone or a
/// restore goes wherever Kubernetes schedules it.
/// </summary>
public sealed class JobDataPath(VolumeJobRunner runner, ClaimUsers claims, ICredentialsResolver credentials, IOptions<MoverOptions> options,
    ChangedBlockPlanner? changedBlocks = null) : IVolumeDataPath
{
    public Task CheckAsync(string @namespace, string claimName, CancellationToken cancellationToken) =>
        claims.RequireAsync(@namespace, claimName, cancellationToken);

    public async Task<VolumeBackup> BackupAsync(RunRepository runs, VolumeCopyRequest request, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var name = VolumeJobs.NameFor(VolumeJobKind.Backup, request.RunId, request.ClaimName);
        var blockMode = request.Snapshot?.BlockMode == true;
        var warnings = new List<string>();
        long? bytesRead = null;
        SnapshotInfo snapshot;
        try
        {
            snapshot = await runs.BackupVolumeAsync(request.RunId, request.PolicyId, request.Application, request.ClaimName, async (tags, parent, ct) =>
        {
            var node = request.IsClone ? null : await claims.NodeForAsync(request.Namespace, request.ClaimToRead, ct);
            List<string> arguments = ["backup", VolumeJobs.DataPath, .. tags.SelectMany(t => new[] { "--tag", $"{t.Key}={t.Value}" })];
            if (parent is not null) arguments.AddRange(["--parent", parent.Id]);
            if (runs.UploadBytesPerSecond is { } limit) arguments.AddRange(["--limit-upload", Math.Max(1, limit / 1024).ToString()]);
            var plan = changedBlocks is null ? null
                : await changedBlocks.PlanAsync(request.Snapshot, parent, Path.GetFileName(VolumeJobs.DevicePath), warnings, ct);
            if (plan is not null) arguments.AddRange(plan.Arguments);
            var job = Job(VolumeJobKind.Backup, name, request.Namespace, request.ClaimToRead, node, request.RunId, request.Target, arguments) with
            {
                BlockDevice = blockMode, SecretEnvironment = plan?.SecretEnvironment ?? new Dictionary<string, string>(),
            };
            var result = await runner.RunAsync(job, await credentials.ResolveAsync(request.Target.Credentials, request.CredentialsNamespace, ct), ProgressLines(progress), ct);
            var outcome = ParseBackup(result, job);
            warnings.AddRange(outcome.Warnings);
            bytesRead = outcome.BytesRead;
            return outcome.Snapshot;
        }, cancellationToken, request.ExtraTags);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is gone (a mover that dies mid-copy never gets here, and the next attempt adopts its job).
            await runner.DeleteIfPresentAsync(request.Namespace, name, CancellationToken.None);
            throw;
        }
        // The snapshot may come from a job that finished while no mover followed it: that Job is still there.
        await runner.DeleteIfPresentAsync(request.Namespace, name, cancellationToken);
        return new VolumeBackup(snapshot, warnings, bytesRead);
    }

    public async Task<RestoreResult> RestoreAsync(VolumeRestoreRequest request, CancellationToken cancellationToken)
    {
        var name = VolumeJobs.NameFor(VolumeJobKind.Restore, request.RestoreId, request.ClaimName);
        var job = Job(VolumeJobKind.Restore, name, request.Namespace, request.ClaimName, null, request.RestoreId, request.Target,
            ["restore", request.SnapshotId, "--target", VolumeJobs.DataPath]);
        var result = await runner.RunAsync(job, await credentials.ResolveAsync(request.Target.Credentials, request.CredentialsNamespace, cancellationToken), null, cancellationToken);
        return Parse<RestoreResult>(result, job);
    }

    private VolumeJob Job(VolumeJobKind kind, string name, string @namespace, string claim, string? node, string runId, Stowage.Contracts.Policies.BackupTarget target,
        IReadOnlyList<string> command) =>
        new(kind, @namespace, name, claim, node,
            [.. command, .. JobRepositoryArguments.For(target, options.Value.LocalRepositoryRoot), "--result-file", VolumeJobs.ResultPath, "--progress-json"],
            new Dictionary<string, string> { [kind == VolumeJobKind.Backup ? "stowage.io/run" : "stowage.io/restore"] = VolumeJobs.LabelValue(runId) });

    private static Action<string>? ProgressLines(IProgress<BackupProgress>? progress) => progress is null ? null : line =>
    {
        if (!line.StartsWith('{')) return;
        try
        {
            if (JsonSerializer.Deserialize<BackupProgress>(line, JsonSerializerOptions.Web) is { } reported) progress.Report(reported);
        }
        catch (JsonException)
        {
            // A line of the pod's log that only looks like progress.
        }
    };

    /// <summary>A backup job's result: a <see cref="BackupOutcome"/>, or the bare snapshot an older stowage-mover wrote.</summary>
    private static BackupOutcome ParseBackup(string result, VolumeJob job) =>
        result.Contains("\"snapshot\":", StringComparison.Ordinal) ? Parse<BackupOutcome>(result, job) : new BackupOutcome(Parse<SnapshotInfo>(result, job), [], 0);

    private static T Parse<T>(string result, VolumeJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(result, JsonSerializerOptions.Web)
                ?? throw new VolumeJobFailedException($"Volume job {job.Namespace}/{job.Name} returned an empty result.");
        }
        catch (JsonException ex)
        {
            throw new VolumeJobFailedException($"Volume job {job.Namespace}/{job.Name} returned a result that is not a {typeof(T).Name}: {ex.Message}");
        }
    }
}
