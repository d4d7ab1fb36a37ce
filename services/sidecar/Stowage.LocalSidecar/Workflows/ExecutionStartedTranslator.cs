using Google.Protobuf.WellKnownTypes;
using Core = DurableTask.Core.History;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

internal static class ExecutionStartedTranslator
{
    public static P.ExecutionStartedEvent ToProto(Core.ExecutionStartedEvent started)
    {
        var target = new P.ExecutionStartedEvent
        {
            Name = started.Name,
            Version = started.Version,
            Input = started.Input,
            WorkflowInstance = new P.WorkflowInstance
            {
                InstanceId = started.OrchestrationInstance.InstanceId, ExecutionId = started.OrchestrationInstance.ExecutionId,
            },
        };
        if (started.ParentInstance is { } parent)
        {
            target.ParentInstance = new P.ParentInstanceInfo
            {
                TaskScheduledId = parent.TaskScheduleId,
                Name = parent.Name,
                WorkflowInstance = new P.WorkflowInstance
                {
                    InstanceId = parent.OrchestrationInstance.InstanceId, ExecutionId = parent.OrchestrationInstance.ExecutionId,
                },
            };
        }

        if (started.ScheduledStartTime is { } startAt)
        {
            target.ScheduledStartTimestamp = Timestamp.FromDateTime(DateTime.SpecifyKind(startAt, DateTimeKind.Utc));
        }

        foreach (var (key, value) in started.Tags ?? new Dictionary<string, string>())
        {
            target.Tags[key] = value;
        }

        return target;
    }
}
