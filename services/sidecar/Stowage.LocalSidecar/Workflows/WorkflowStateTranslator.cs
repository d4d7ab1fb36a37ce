using DurableTask.Core;
using Google.Protobuf.WellKnownTypes;
using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

internal static class WorkflowStateTranslator
{
    public static P.WorkflowState ToProto(OrchestrationState state, bool includePayloads)
    {
        var target = new P.WorkflowState
        {
            InstanceId = state.OrchestrationInstance.InstanceId,
            ExecutionId = state.OrchestrationInstance.ExecutionId,
            Name = state.Name ?? string.Empty,
            Version = state.Version,
            WorkflowStatus = (P.OrchestrationStatus)state.OrchestrationStatus,
            CreatedTimestamp = Utc(state.CreatedTime),
            LastUpdatedTimestamp = Utc(state.LastUpdatedTime),
            CustomStatus = state.Status,
            FailureDetails = FailureDetailsTranslator.ToProto(state.FailureDetails),
            ParentInstanceId = state.ParentInstance?.OrchestrationInstance?.InstanceId,
        };
        if (state.CompletedTime > DateTime.MinValue.AddYears(1))
        {
            target.CompletedTimestamp = Utc(state.CompletedTime);
        }

        if (state.ScheduledStartTime is { } startAt)
        {
            target.ScheduledStartTimestamp = Utc(startAt);
        }

        if (includePayloads)
        {
            target.Input = state.Input;
            target.Output = state.Output;
        }

        foreach (var (key, value) in state.Tags ?? new Dictionary<string, string>())
        {
            target.Tags[key] = value;
        }

        return target;
    }

    private static Timestamp Utc(DateTime time) => Timestamp.FromDateTime(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
