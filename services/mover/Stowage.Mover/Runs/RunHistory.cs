using Dapr.Client;
using Stowage.Common.State;
using Stowage.Contracts;
using Stowage.Contracts.Backups;

namespace Stowage.Mover.Runs;

/// <summary>One line of the run history: a request, then its outcome when it finished; the correlation id of the backup command that asked for it.</summary>
public sealed record RunSummary(string RunId, string PolicyId, string Application, BackupTrigger Trigger, DateTimeOffset RequestedAt,
    string State, string? Reason, DateTimeOffset? FinishedAt, IReadOnlyList<VolumeResult> Volumes, RunProgress? Progress = null, string? CorrelationId = null);

/// <summary>The latest progress report of a running backup: what it is copying and how many bytes it has read.</summary>
public sealed record RunProgress(string Step, long BytesProcessed, DateTimeOffset At);

/// <summary>
/// The read model of backup runs, projected from the backup.requested and backup.finished events (redelivery
/// rewrites the same document, so it is idempotent); the live state of a running one is its workflow's status.
/// </summary>
public sealed class RunHistory(DaprClient dapr)
{
    private readonly KeyCatalog catalog = new(dapr, DaprComponents.StateStore, "mover-runs");

    public async Task RequestedAsync(BackupRequested e, CancellationToken ct)
    {
        if (await GetAsync(e.RunId, ct) is { FinishedAt: not null }) return; // events may arrive out of order
        await SaveAsync(new RunSummary(e.RunId, e.PolicyId, e.Spec.Application.ToString(), e.Trigger, e.OccurredAt, "Queued", null, null, [], CorrelationId: e.CorrelationId), ct);
    }

    public async Task ProgressedAsync(BackupProgressed e, CancellationToken ct)
    {
        var known = await GetAsync(e.RunId, ct);
        if (known is null || known.FinishedAt is not null || known.Progress?.At > e.OccurredAt) return;
        await SaveAsync(known with { State = "Running", Progress = new RunProgress(e.Step, e.BytesProcessed, e.OccurredAt) }, ct);
    }

    public async Task FinishedAsync(BackupFinished e, CancellationToken ct)
    {
        if (e.IsRefusal) return;
        var known = await GetAsync(e.RunId, ct);
        await SaveAsync(new RunSummary(e.RunId, e.PolicyId, known?.Application ?? "", known?.Trigger ?? BackupTrigger.Scheduled, known?.RequestedAt ?? e.OccurredAt,
            e.Outcome.ToString(), e.Reason, e.OccurredAt, e.Volumes, CorrelationId: e.CorrelationId ?? known?.CorrelationId), ct);
    }

    public Task<RunSummary?> GetAsync(string runId, CancellationToken ct) =>
        dapr.GetStateAsync<RunSummary?>(DaprComponents.StateStore, Key(runId), cancellationToken: ct);

    public async Task<IReadOnlyList<RunSummary>> ListAsync(string? policyId, CancellationToken ct)
    {
        var runs = await dapr.ReadManyAsync<RunSummary>(DaprComponents.StateStore, (await catalog.ListAsync(ct)).Select(Key).ToList(), ct);
        return runs.Where(r => policyId is null || r.PolicyId == policyId).OrderBy(r => r.RequestedAt).ToList();
    }

    private async Task SaveAsync(RunSummary summary, CancellationToken ct)
    {
        await dapr.SaveStateAsync(DaprComponents.StateStore, Key(summary.RunId), summary, cancellationToken: ct);
        await catalog.AddAsync(summary.RunId, ct);
    }

    private static string Key(string runId) => $"mover-run-{runId}";
}
