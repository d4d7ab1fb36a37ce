using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Restores;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Restore.Activities;

namespace Stowage.Restore.Workflows;

/// <summary>
/// One restore, in the order an application survives: read the run from the bucket; refuse, before changing
/// anything, if any of its objects already exist in the target namespace; create the namespace and the claims;
/// restore and verify each volume (its own activity); only when every volume holds its data, create the other
/// resources, workloads last; then run the post-restore hooks. Reports per resource and per volume.
/// </summary>
internal sealed class RestoreWorkflow : Workflow<RestoreInput, RestoreReport>
{
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(3, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(30)));

    public override async Task<RestoreReport> RunAsync(WorkflowContext context, RestoreInput input)
    {
        context.SetCustomStatus(new RestoreStatus("reading the backup", 0, 0));
        var plan = await context.CallActivityAsync<RestorePlan>(nameof(LoadRunActivity), input, Retry);
        if (plan.Problem is not null) return await FinishAsync(context, input, plan.RunId, RunOutcome.Failed, plan.Problem, [], []);

        context.SetCustomStatus(new RestoreStatus("checking the target namespace", 0, plan.Volumes.Count));
        var conflicts = await context.CallActivityAsync<List<string>>(nameof(FindConflictsActivity), plan, Retry);
        if (conflicts.Count > 0)
        {
            return await FinishAsync(context, input, plan.RunId, RunOutcome.Failed, Refusal(plan.TargetNamespace, conflicts), [], []);
        }

        context.SetCustomStatus(new RestoreStatus("creating claims", 0, plan.Volumes.Count));
        var resources = await context.CallActivityAsync<List<RestoredItem>>(nameof(RecreateResourcesActivity),
            new ResourceBatch(input, plan.RunId, plan.TargetNamespace, plan.Claims), Retry);

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

        var missingData = resources.Concat(volumes).FirstOrDefault(i => !i.Succeeded);
        if (missingData is not null)
        {
            // Workloads would start on a volume without its data, and the application might initialise it.
            resources.AddRange(plan.Resources.Select(r => RestoredItems.Of(r, false, $"not created: {missingData.Kind}/{missingData.Name} was not restored")));
            return await FinishAsync(context, input, plan.RunId, Outcome(resources, volumes),
                $"{missingData.Kind}/{missingData.Name} was not restored ({missingData.Detail}), so no workload was created.", resources, volumes);
        }

        context.SetCustomStatus(new RestoreStatus("creating workloads", volumes.Count, plan.Volumes.Count));
        resources.AddRange(await context.CallActivityAsync<List<RestoredItem>>(nameof(RecreateResourcesActivity),
            new ResourceBatch(input, plan.RunId, plan.TargetNamespace, plan.Resources), Retry));

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
        var outcome = hookFailure is not null && failed.Count == 0 ? RunOutcome.PartiallyFailed : Outcome(resources, volumes);
        var reason = hookFailure ?? (failed.Count > 0 ? $"{failed.Count} item(s) not restored; first: {failed[0].Kind}/{failed[0].Name}: {failed[0].Detail}" : null);
        return await FinishAsync(context, input, plan.RunId, outcome, reason, resources, volumes);
    }

    private static RunOutcome Outcome(IReadOnlyList<RestoredItem> resources, IReadOnlyList<RestoredItem> volumes)
    {
        var failed = resources.Concat(volumes).Count(i => !i.Succeeded);
        return failed == 0 ? RunOutcome.Succeeded : failed < resources.Count + volumes.Count ? RunOutcome.PartiallyFailed : RunOutcome.Failed;
    }

    private static string Refusal(string targetNamespace, IReadOnlyList<string> conflicts) =>
        $"Restore refused: {conflicts.Count} object(s) already exist in namespace '{targetNamespace}': {string.Join(", ", conflicts.Take(10))}" +
        $"{(conflicts.Count > 10 ? ", ..." : "")}. A restore never overwrites; delete them or restore into another namespace. Nothing was changed.";

    private static async Task<RestoreReport> FinishAsync(WorkflowContext context, RestoreInput input, string runId, RunOutcome outcome, string? reason,
        IReadOnlyList<RestoredItem> resources, IReadOnlyList<RestoredItem> volumes)
    {
        context.SetCustomStatus(new RestoreStatus(outcome.ToString(), volumes.Count(v => v.Succeeded), volumes.Count));
        var finished = new RestoreFinished(context.NewGuid(), context.CurrentUtcDateTime, input.RestoreId, runId, outcome, reason, resources, volumes, input.CorrelationId);
        await context.CallActivityAsync<bool>(nameof(PublishRestoreFinishedActivity), finished, Retry);
        return new RestoreReport(input.RestoreId, runId, outcome.ToString(), reason, resources, volumes);
    }
}
