using Dapr.Workflow.Registration;
using Dapr.Workflow;

namespace Stowage.LocalSidecar.Tests.Workflows;

public sealed class WorkflowCrashRecoveryTests
{
    [Fact]
    public async Task An_app_killed_during_an_activity_is_restarted_and_completes_without_rerunning_finished_activities()
    {
        var markers = Directory.CreateTempSubdirectory("local-sidecar-crash-").FullName;
        await using var sidecar = await Sidecars.StartAsync("crash-app");
        var endpoints = sidecar.EndpointsOf("crash-app");
        // A client without a worker: the workflows run only in the child process.
        await using var client = new DaprWorkflowClientBuilder().UseGrpcEndpoint(endpoints.GrpcEndpoint).UseDaprApiToken(endpoints.Tokens!.ApiToken!).Build();

        using var firstRun = ChildAppProcess.Start(endpoints, markers);
        var instanceId = await client.ScheduleNewWorkflowAsync("TwoStepWorkflow", "crash-1", "start");
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(markers, "second-step-starts")), "the second step runs in the first process");
        await firstRun.KillAsync();

        await File.WriteAllTextAsync(Path.Combine(markers, "release"), "go");
        using var secondRun = ChildAppProcess.Start(endpoints, markers);
        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        var state = await client.WaitForWorkflowCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("start+first+second", state.ReadOutputAs<string>());
        Assert.Equal([firstRun.Id.ToString()], await File.ReadAllLinesAsync(Path.Combine(markers, "first-step-runs")));
        Assert.Equal([firstRun.Id.ToString(), secondRun.Id.ToString()], await File.ReadAllLinesAsync(Path.Combine(markers, "second-step-starts")));
    }
}
