using Google.Protobuf.WellKnownTypes;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

/// A Core timer event with the Dapr-only parts (origin, name, exact fireAt) the SDK sent in its CreateTimerAction; the SDK
/// uses the origin to tell optional external-event timers from real ones when it replays.
internal static class TimerCreatedTranslator
{
    public static P.TimerCreatedEvent ToProto(Core.TimerCreatedEvent source, P.CreateTimerAction? action)
    {
        var target = new P.TimerCreatedEvent { FireAt = Timestamp.FromDateTime(DateTime.SpecifyKind(source.FireAt, DateTimeKind.Utc)) };
        if (action is null)
        {
            return target;
        }

        target.FireAt = action.FireAt;
        if (action.HasName)
        {
            target.Name = action.Name;
        }

        switch (action.OriginCase)
        {
            case P.CreateTimerAction.OriginOneofCase.CreateTimer: target.CreateTimer = action.CreateTimer; break;
            case P.CreateTimerAction.OriginOneofCase.ExternalEvent: target.ExternalEvent = action.ExternalEvent; break;
            case P.CreateTimerAction.OriginOneofCase.ActivityRetry: target.ActivityRetry = action.ActivityRetry; break;
            case P.CreateTimerAction.OriginOneofCase.ChildWorkflowRetry: target.ChildWorkflowRetry = action.ChildWorkflowRetry; break;
        }

        return target;
    }
}
