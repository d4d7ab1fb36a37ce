using Stowage.Common.Workflows;
using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Mover.Activities;

/// <summary>
/// Keeps what the policy's retention says, per volume of the policy, then frees data no kept snapshot needs.
/// The engine's prune never deletes data a concurrent backup may still reference. Answers how many of the
/// policy's runs the repository keeps.
/// </summary>
internal sealed class ApplyRetentionActivity(RepositoryOpener opener) : TracedActivity<BackupRequested, int>
{
    protected override async Task<int> ExecuteAsync(WorkflowActivityContext context, BackupRequested request)
    {
        var retention = request.Spec.Retention;
        using var repository = await opener.OpenAsync(request.Spec.Target, request.Spec.Application.Namespace, createIfMissing: false, CancellationToken.None);
        var forgotten = await repository.ForgetAsync(new ForgetRequest
        {
            Policy = new RetentionPolicy { KeepLast = retention.KeepLast, KeepHourly = retention.Hourly, KeepDaily = retention.Daily, KeepWeekly = retention.Weekly, KeepMonthly = retention.Monthly },
            TagFilter = new Dictionary<string, string> { [BackupTags.Policy] = request.PolicyId },
            GroupByTags = [BackupTags.Policy, BackupTags.Volume],
        }, CancellationToken.None);
        if (forgotten.Removed.Count > 0) await repository.PruneAsync(cancellationToken: CancellationToken.None);
        return forgotten.Kept.Select(s => s.Tags.GetValueOrDefault(BackupTags.Run)).Distinct().Count();
    }
}
