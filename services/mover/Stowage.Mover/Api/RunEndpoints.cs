using Dapr.Workflow;
using Stowage.Contracts.Backups;
using Stowage.Mover.Runs;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Api;

internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runs", async (string? policyId, RunHistory history, CancellationToken ct) => TypedResults.Ok(await history.ListAsync(policyId, ct)))
            .WithTags("Backup runs").WithSummary("The history of backup runs, optionally of one policy: queued, then their outcome and reason.");
        app.MapGet("/runs/{runId}", GetAsync).WithTags("Backup runs").WithSummary("A backup run: queued, running (step, volumes done) or its outcome.");
        return app;
    }

    private static async Task<IResult> GetAsync(string runId, DaprWorkflowClient workflows, RunHistory history, CancellationToken ct)
    {
        var state = await workflows.GetWorkflowStateAsync(runId, getInputsAndOutputs: true, ct);
        if (state is not { Exists: true }) return TypedResults.Problem($"No backup run '{runId}'.", statusCode: 404);
        return TypedResults.Ok(new
        {
            runId,
            runtimeStatus = state.RuntimeStatus.ToString(),
            status = state.ReadCustomStatusAs<RunStatus>(),
            progress = (await history.GetAsync(runId, ct))?.Progress,
            outcome = state.RuntimeStatus == WorkflowRuntimeStatus.Completed ? state.ReadOutputAs<RunOutcome>().ToString() : null,
            failure = state.FailureDetails?.ErrorMessage,
        });
    }
}
