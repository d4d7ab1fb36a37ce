using System.Security.Cryptography;
using System.Text;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using Stowage.Common.Messaging;
using Stowage.Common.Reconciliation;
using Stowage.Contracts.Backups;

namespace Stowage.Mover.Runs;

/// <summary>
/// Part of the mover's periodic pass: a run the history shows as queued or running whose workflow is gone (lost with the
/// sidecar's workflow state, purged, terminated by hand) is closed as interrupted, which lets its policy run again at
/// once; and a copy still running here for such a run is stopped, since nobody will take its result.
/// </summary>
internal sealed class LostRunCloser(RunHistory history, DaprWorkflowClient workflows, IEventPublisher publisher, RunningCopies copies,
    IOptions<ReconciliationOptions> options, TimeProvider clock) : IReconciler
{
    public async Task<ReconciliationPass> ReconcileAsync(CancellationToken cancellationToken)
    {
        var fixedKinds = new List<string>();
        var now = clock.GetUtcNow();
        foreach (var run in (await history.ListAsync(null, cancellationToken)).Where(r => r.FinishedAt is null))
        {
            // A request just recorded may not have started its workflow yet.
            if (now - run.RequestedAt < options.Value.Period) continue;
            if (await LossOfAsync(run.RunId, cancellationToken) is not { } loss) continue;
            if (copies.Stop(run.RunId)) fixedKinds.Add("copy-stopped");
            var reason = $"The run was interrupted: {loss} What it uploaded stays in the repository and the next run reuses it.";
            await publisher.PublishAsync(BackupTopics.Finished, new BackupFinished(InterruptionId(run.RunId), now, run.RunId, run.PolicyId, RunOutcome.Interrupted, reason, [], CorrelationId: run.CorrelationId), cancellationToken);
            fixedKinds.Add("run-interrupted");
        }
        foreach (var runId in copies.RunIds)
        {
            if (await LossOfAsync(runId, cancellationToken) is not null && copies.Stop(runId)) fixedKinds.Add("copy-stopped");
        }
        return new ReconciliationPass(fixedKinds, []);
    }

    private async Task<string?> LossOfAsync(string runId, CancellationToken cancellationToken)
    {
        var state = await workflows.GetWorkflowStateAsync(runId, getInputsAndOutputs: false, cancellationToken);
        return state switch
        {
            not { Exists: true } => "its workflow is gone (the Dapr sidecar's workflow state was lost, reset or purged).",
            { RuntimeStatus: WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Canceled } =>
                $"its workflow ended as {state.RuntimeStatus} without reporting an outcome.",
            _ => null,
        };
    }

    // One id per run, so the event is deduplicated however often a pass closes the same run before the history shows it.
    private static Guid InterruptionId(string runId) => new(MD5.HashData(Encoding.UTF8.GetBytes($"{runId}/interrupted")));
}
