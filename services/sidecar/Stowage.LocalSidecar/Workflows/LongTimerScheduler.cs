using DurableTask.Core;
using Core = DurableTask.Core.History;

namespace Stowage.LocalSidecar.Workflows;

/// Holds timer messages due further ahead than Task.Delay can wait (about 49 days) and hands them back in time;
/// the in-memory orchestration service would otherwise fail the whole turn on such a timer.
internal sealed class LongTimerScheduler(IOrchestrationServiceClient target, CancellationToken stopping)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(20);

    public static bool IsBeyondHorizon(TaskMessage message) =>
        message.Event is Core.TimerFiredEvent fired && fired.FireAt - DateTime.UtcNow > Horizon;

    public void Schedule(TaskMessage message) => _ = Task.Run(() => HoldAsync(message), CancellationToken.None);

    private async Task HoldAsync(TaskMessage message)
    {
        var fireAt = ((Core.TimerFiredEvent)message.Event).FireAt;
        try
        {
            while (fireAt - DateTime.UtcNow > Horizon)
            {
                await Task.Delay(Horizon, stopping);
            }

            await target.SendTaskOrchestrationMessageAsync(message);
        }
        catch (OperationCanceledException)
        {
            // The sidecar stopped; in-memory timers end with it.
        }
    }
}
