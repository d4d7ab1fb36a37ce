using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.App.Activities;

internal sealed class FirstStepActivity(MarkerFiles markers) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        markers.Append("first-step-runs", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult($"{input}+first");
    }
}
