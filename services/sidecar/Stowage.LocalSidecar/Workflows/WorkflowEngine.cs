using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace Stowage.LocalSidecar.Workflows;

/// The workflow runtime of one app: DurableTask.Core's TaskHubWorker over the in-memory orchestration service,
/// with middleware that hands each orchestration and activity turn to the app's Dapr workflow worker.
internal sealed class WorkflowEngine
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskHubWorker _worker;

    public WorkflowEngine(string appId, ILoggerFactory loggerFactory)
    {
        Service = new InMemoryOrchestrationService(loggerFactory);
        Hub = new WorkItemHub(appId, loggerFactory.CreateLogger<WorkItemHub>());
        Translator = new HistoryEventTranslator(Ledger);
        var longTimers = new LongTimerScheduler(Service, _stopping.Token);
        _worker = new TaskHubWorker(new SidecarOrchestrationService(Service, longTimers), loggerFactory);
        _worker.AddOrchestrationDispatcherMiddleware(
            new OrchestrationTurnMiddleware(Hub, Translator, Ledger, HistoryLog, _stopping.Token).InvokeAsync);
        _worker.AddActivityDispatcherMiddleware(new ActivityTurnMiddleware(Hub, Ledger, _stopping.Token).InvokeAsync);
    }

    public InMemoryOrchestrationService Service { get; }

    public WorkItemHub Hub { get; }

    public WorkflowActionLedger Ledger { get; } = new();

    public WorkflowHistoryLog HistoryLog { get; } = new();

    public HistoryEventTranslator Translator { get; }

    public async Task StartAsync() => await _worker.StartAsync();

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _worker.StopAsync(isForced: true);
    }
}
