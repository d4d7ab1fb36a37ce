using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Restore.Activities;

namespace Stowage.Restore.Workflows;

/// <summary>
/// One restore: read the run from the bucket, recreate its resources in the target namespace, restore and verify
/// each volume (its own activity), run the post-restore hooks, report per resource and per volume.
/// </summary>
internal sealed class RestoreWorkflow : Workflow<RestoreInput, RestoreReport>
{
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(30)));

    public override async Task<RestoreReport> RunAsync(WorkflowContext context, RestoreInput input)
    {
        context.SetCustomStatus(new RestoreStatus("reading the backup", 0, 0));
        var plan = await context.CallActivityAsync<RestorePlan>(nameof(LoadRunActivity), input, Retry);
        if (plan.Problem is not null) return await FinishAsync(context, input.RestoreId, plan.RunId, RunOutcome.Failed, plan.Problem, [], []);

        context.SetCustomStatus(new RestoreStatus("recreating resources", 0, plan.Volumes.Count));
        var resources = await context.CallActivityAsync<List<RestoredItem>>(nameof(RecreateResourcesActivity), plan, Retry);

        var volumes = new List<RestoredItem>();
        foreach (var volume in plan.Volumes)
        {
            context.SetCustomStatus(new RestoreStatus($"restoring {volume.ClaimName}", volumes.Count, plan.Volumes.Count));
            try
            {
                volumes.Add(await context.CallActivityAsync<RestoredItem>(nameof(RestoreVolumeActivity), new VolumeRestore(plan, volume), Retry));
            }
            catch (WorkflowTaskFailedException ex)
            {
                volumes.Add(new RestoredItem("Volume", volume.ClaimName, false, ex.FailureDetails.ErrorMessage));
            }
        }

        string? hookFailure = null;
        try
        {
            context.SetCustomStatus(new RestoreStatus("post-restore hooks", volumes.Count, plan.Volumes.Count));
            await context.CallActivityAsync<bool>(nameof(RunHooksActivity), new HookBatch(input.RestoreId, "post-restore", plan.PostRestoreHooks));
        }
        catch (WorkflowTaskFailedException ex)
        {
            hookFailure = $"A post-restore hook failed: {ex.FailureDetails.ErrorMessage}";
        }

        var failed = resources.Concat(volumes).Where(i => !i.Succeeded).ToList();
        var outcome = failed.Count == 0 && hookFailure is null ? RunOutcome.Succeeded
            : failed.Count < resources.Count + volumes.Count ? RunOutcome.PartiallyFailed : RunOutcome.Failed;
        var reason = hookFailure ?? (failed.Count > 0 ? $"{failed.Count} item(s) not restored; first: {failed[0].Kind}/{failed[0].Name}: {failed[0].Detail}" : null);
        return await FinishAsync(context, input.RestoreId, plan.RunId, outcome, reason, resources, volumes);
    }

    private static async Task<RestoreReport> FinishAsync(WorkflowContext context, string restoreId, string runId, RunOutcome outcome, string? reason,
        IReadOnlyList<RestoredItem> resources, IReadOnlyList<RestoredItem> volumes)
    {
        context.SetCustomStatus(new RestoreStatus(outcome.ToString(), volumes.Count(v => v.Succeeded), volumes.Count));
        var finished = new RestoreFinished(context.NewGuid(), context.CurrentUtcDateTime, restoreId, runId, outcome, reason, resources, volumes);
        await context.CallActivityAsync<bool>(nameof(PublishRestoreFinishedActivity), finished, Retry);
        return new RestoreReport(restoreId, runId, outcome.ToString(), reason, resources, volumes);
    }
}
