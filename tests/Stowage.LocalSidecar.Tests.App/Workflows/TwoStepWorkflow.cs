using Dapr.Workflow;
using Stowage.LocalSidecar.Tests.App.Activities;

namespace Stowage.LocalSidecar.Tests.App.Workflows;

internal sealed class TwoStepWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var first = await context.CallActivityAsync<string>(nameof(FirstStepActivity), input);
        var second = await context.CallActivityAsync<string>(nameof(SecondStepActivity), first);
        return second;
    }
}
