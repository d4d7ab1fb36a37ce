using Stowage.Common.Workflows;
using Dapr.Workflow;
using Microsoft.Extensions.Logging;

namespace Stowage.Mover.Runtime.Hooks;

/// <summary>One phase's hooks of one run (backup or restore), run in order.</summary>
public sealed record HookBatch(string RunId, string Phase, IReadOnlyList<HookInvocation> Hooks);

/// <summary>Runs a batch of hooks; the first failure stops the batch and fails the activity with its reason.</summary>
public sealed partial class RunHooksActivity(IHookRunner runner, ILogger<RunHooksActivity> logger) : TracedActivity<HookBatch, bool>
{
    protected override async Task<bool> ExecuteAsync(WorkflowActivityContext context, HookBatch batch)
    {
        foreach (var hook in batch.Hooks)
        {
            LogHook(batch.RunId, batch.Phase, hook.ToString());
            await runner.RunAsync(hook, CancellationToken.None);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Phase} hook {Hook}")]
    private partial void LogHook(string runId, string phase, string hook);
}
