using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowActivityTests
{
    [Fact]
    public async Task A_workflow_calling_activities_completes_with_their_output()
    {
        await using var app = await WorkflowTestApp.StartAsync(options =>
        {
            options.RegisterWorkflow<string, string>("Greeting", async (context, name) =>
            {
                var first = await context.CallActivityAsync<string>("SayHello", name);
                var second = await context.CallActivityAsync<string>("SayHello", first);
                return second;
            });
            options.RegisterActivity<string, string>("SayHello", (_, name) => Task.FromResult($"Hello {name}"));
        });

        var instanceId = await app.Client.ScheduleNewWorkflowAsync("Greeting", "greet-1", "Ada");
        var state = await app.CompletionOfAsync(instanceId);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("Hello Hello Ada", state.ReadOutputAs<string>());
    }
}
