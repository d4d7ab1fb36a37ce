using P = Dapr.DurableTask.Protobuf;

namespace Stowage.LocalSidecar.Workflows;

internal static class FailureDetailsTranslator
{
    public static P.TaskFailureDetails? ToProto(global::DurableTask.Core.FailureDetails? details, string? reason = null, string? stack = null)
    {
        if (details is null)
        {
            return reason is null ? null : new P.TaskFailureDetails { ErrorType = "TaskFailed", ErrorMessage = reason, StackTrace = stack };
        }

        return new P.TaskFailureDetails
        {
            ErrorType = details.ErrorType ?? string.Empty,
            ErrorMessage = details.ErrorMessage ?? string.Empty,
            StackTrace = details.StackTrace,
            InnerFailure = ToProto(details.InnerFailure),
            IsNonRetriable = details.IsNonRetriable,
        };
    }

    public static global::DurableTask.Core.FailureDetails? ToCore(P.TaskFailureDetails? details) =>
        details is null
            ? null
            : new global::DurableTask.Core.FailureDetails(
                details.ErrorType, details.ErrorMessage, details.StackTrace, ToCore(details.InnerFailure), details.IsNonRetriable);
}
