using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.App.Activities;

/// Announces that it started, then waits until the test allows it to finish (the test kills the first process meanwhile).
internal sealed class SecondStepActivity(MarkerFiles markers) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        markers.Append("second-step-starts", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        while (!markers.Exists("release"))
        {
            await Task.Delay(50);
        }

        return $"{input}+second";
    }
}
