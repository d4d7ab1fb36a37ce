using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowFailureTests
{
    [Fact]
    public async Task A_failing_child_workflow_surfaces_its_failure_to_the_parent()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
        {
            options.RegisterWorkflow<string, string>("Parent", async (context, input) =>
            {
                try
                {
                    return await context.CallChildWorkflowAsync<string>("FailingChild", input);
                }
                catch (WorkflowTaskFailedException failure)
                {
                    return $"caught {failure.FailureDetails.ErrorMessage}";
                }
            });
            options.RegisterWorkflow<string, string>("FailingChild", (_, _) => throw new InvalidOperationException("volume missing"));
        });

        var id = await app.Client.ScheduleNewWorkflowAsync("Parent", "parent-1", "x");
        var state = await app.CompletionOfAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("caught volume missing", state.ReadOutputAs<string>());
    }
}
