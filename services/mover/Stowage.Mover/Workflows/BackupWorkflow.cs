using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Mover.Activities;
using Stowage.Mover.Runtime.Hooks;

namespace Stowage.Mover.Workflows;

/// <summary>
/// One backup run: plan, pre-hooks, copy each volume (its own activity, a few at a time), post-hooks even when a
/// copy failed, record the run's manifest, apply retention, report. The instance id is the run id, so a request
/// delivered twice runs once; a mover killed mid-copy resumes at the unfinished activity, and the engine reuses
/// what that copy already uploaded.
/// </summary>
internal sealed class BackupWorkflow : Workflow<BackupRequested, RunOutcome>
{
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(30)));

    public override async Task<RunOutcome> RunAsync(WorkflowContext context, BackupRequested request)
    {
        context.SetCustomStatus(new RunStatus("planning", 0, 0));
        var plan = await context.CallActivityAsync<BackupPlan>(nameof(PlanRunActivity), request, Retry);
        if (plan.Problem is not null) return await FinishAsync(context, request, RunOutcome.Failed, plan.Problem, []);

        var results = new List<VolumeResult>();
        string? failure = null;
        try
        {
            context.SetCustomStatus(new RunStatus("pre-hooks", 0, plan.Volumes.Count));
            await context.CallActivityAsync<bool>(nameof(RunHooksActivity), new HookBatch(request.RunId, "pre-copy", plan.PreHooks));
            foreach (var batch in plan.Volumes.Chunk(Math.Max(1, plan.MaxParallelVolumes)))
            {
                context.SetCustomStatus(new RunStatus("copying", results.Count, plan.Volumes.Count));
                results.AddRange(await Task.WhenAll(batch.Select(volume => CopyAsync(context, request, volume))));
            }
        }
        catch (WorkflowTaskFailedException ex)
        {
            failure = $"A pre-copy hook failed, so no volume was copied: {ex.FailureDetails.ErrorMessage}";
        }
        finally
        {
            context.SetCustomStatus(new RunStatus("post-hooks", results.Count, plan.Volumes.Count));
            failure = await RunPostHooksAsync(context, request, plan, failure);
        }

        var copied = results.Count(r => r.Succeeded);
        var outcome = failure is null && copied == plan.Volumes.Count ? RunOutcome.Succeeded
            : copied > 0 || (failure is null && plan.Volumes.Count == 0) ? RunOutcome.PartiallyFailed
            : RunOutcome.Failed;
        if (outcome == RunOutcome.Failed) return await FinishAsync(context, request, outcome, failure ?? FirstError(results), results);

        context.SetCustomStatus(new RunStatus("recording", copied, plan.Volumes.Count));
        await context.CallActivityAsync<string>(nameof(RecordRunActivity), new RunRecord(request, results, plan.Volumes), Retry);
        context.SetCustomStatus(new RunStatus("retention", copied, plan.Volumes.Count));
        var kept = await context.CallActivityAsync<int>(nameof(ApplyRetentionActivity), request, Retry);
        var reason = outcome == RunOutcome.Succeeded ? null : failure ?? FirstError(results);
        return await FinishAsync(context, request, outcome, reason, results, kept);
    }

    private static async Task<VolumeResult> CopyAsync(WorkflowContext context, BackupRequested request, PlannedVolume volume)
    {
        try
        {
            return await context.CallActivityAsync<VolumeResult>(nameof(CopyVolumeActivity), new VolumeCopy(request, volume), Retry);
        }
        catch (WorkflowTaskFailedException ex)
        {
            return new VolumeResult(volume.ClaimName, false, null, 0, ex.FailureDetails.ErrorMessage);
        }
    }

    private static async Task<string?> RunPostHooksAsync(WorkflowContext context, BackupRequested request, BackupPlan plan, string? failure)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(RunHooksActivity), new HookBatch(request.RunId, "post-copy", plan.PostHooks));
            return failure;
        }
        catch (WorkflowTaskFailedException ex)
        {
            return failure ?? $"A post-copy hook failed; the application may still be frozen: {ex.FailureDetails.ErrorMessage}";
        }
    }

    private static string FirstError(IEnumerable<VolumeResult> results) =>
        results.FirstOrDefault(r => !r.Succeeded) is { } failed ? $"Volume {failed.Volume} was not copied: {failed.Error}" : "No volume was copied.";

    private static async Task<RunOutcome> FinishAsync(WorkflowContext context, BackupRequested request, RunOutcome outcome, string? reason, IReadOnlyList<VolumeResult> volumes, int? kept = null)
    {
        context.SetCustomStatus(new RunStatus(outcome.ToString(), volumes.Count(v => v.Succeeded), volumes.Count));
        var finished = new BackupFinished(context.NewGuid(), context.CurrentUtcDateTime, request.RunId, request.PolicyId, outcome, reason, volumes, kept, request.CorrelationId);
        await context.CallActivityAsync<bool>(nameof(PublishFinishedActivity), finished, Retry);
        return outcome;
    }
}
