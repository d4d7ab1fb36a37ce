using Stowage.Common.Workflows;
using System.Diagnostics;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using Stowage.Mover.Runs;
using Stowage.Mover.Runtime;
using Stowage.Common.Messaging;
using Stowage.Contracts.Backups;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;
using Stowage.Mover.Workflows;
using Stowage.Mover.Snapshots;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.Jobs;
using Stowage.Mover.Runtime.Volumes;

namespace Stowage.Mover.Activities;

/// <summary>
/// Copies one volume into the policy's repository, publishing progress every few seconds. Safe to repeat: a
/// snapshot already made for this run and volume is returned as is, and a copy cut short left its packs indexed,
/// so the next attempt uploads only what is missing. Stopped when the run's workflow is found gone.
/// </summary>
internal sealed partial class CopyVolumeActivity(RepositoryOpener opener, IEventPublisher publisher, TimeProvider clock, ILogger<CopyVolumeActivity> logger,
    SnapshotSource snapshots, IVolumeDataPath volumes, IOptions<MoverOptions> options, RunningCopies copies)
    : TracedActivity<VolumeCopy, VolumeResult>
{
    protected override async Task<VolumeResult> ExecuteAsync(WorkflowActivityContext context, VolumeCopy copy)
    {
        var request = copy.Request;
        Activity.Current?.SetTag("stowage.run", request.RunId);
        Activity.Current?.SetTag("stowage.volume", copy.Volume.ClaimName);
        using var running = copies.Start(request.RunId);
        using var repository = await opener.OpenAsync(request.Spec.Target, request.Spec.Application.Namespace, createIfMissing: true, CancellationToken.None);
        var progress = new ThrottledProgress(clock, TimeSpan.FromSeconds(2), p =>
            _ = publisher.PublishAsync(BackupTopics.Progress,
                new BackupProgressed(Guid.NewGuid(), clock.GetUtcNow(), request.RunId, request.PolicyId, $"copying {copy.Volume.ClaimName}", 0, 0, p.BytesDone),
                CancellationToken.None));
        var runs = new RunRepository(repository, options.Value.ScratchRoot, options.Value.UploadBytesPerSecond);
        var ns = request.Spec.Application.Namespace;
        VolumeBackup copied;
        try
        {
            var previous = await runs.PreviousAsync(request.RunId, request.PolicyId, copy.Volume.ClaimName, CancellationToken.None);
            copied = await snapshots.WithClaimAsync(ns, copy.Volume, request.RunId, previous?.Tags.GetValueOrDefault(BackupTags.Run), (claim, clone) => volumes.BackupAsync(runs,
                new VolumeCopyRequest(request.Spec.Target, ns, ns, request.RunId, request.PolicyId, request.Spec.Application.ToString(), copy.Volume.ClaimName, claim, clone),
                progress, running.Token));
        }
        catch (VolumeJobFailedException ex)
        {
            // Kubernetes already retried the job's pod as often as allowed; another attempt would only repeat that.
            LogFailed(request.RunId, copy.Volume.ClaimName, ex.Message);
            return new VolumeResult(copy.Volume.ClaimName, false, null, 0, ex.Message);
        }
        var snapshot = copied.Snapshot;
        foreach (var warning in copied.Warnings) LogWarning(request.RunId, copy.Volume.ClaimName, warning);
        LogCopied(request.RunId, copy.Volume.ClaimName, snapshot.ShortId, snapshot.Summary.BytesUploaded);
        return new VolumeResult(copy.Volume.ClaimName, true, snapshot.Id, snapshot.Summary.BytesUploaded, null, snapshot.Summary.Bytes,
            copied.Warnings.Count > 0 ? copied.Warnings : null, copied.BytesRead);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: volume {Volume}: {Warning}")]
    private partial void LogWarning(string runId, string volume, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: volume {Volume} was not copied: {Reason}")]
    private partial void LogFailed(string runId, string volume, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: volume {Volume} copied as snapshot {Snapshot}, {BytesAdded} bytes added")]
    private partial void LogCopied(string runId, string volume, string snapshot, long bytesAdded);
}
