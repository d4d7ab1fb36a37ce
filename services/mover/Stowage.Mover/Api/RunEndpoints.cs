using Dapr.Workflow;
using Stowage.Common.Access;
using Stowage.Contracts.Backups;
using Stowage.Mover.Runs;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Api;

internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runs", async (string? policyId, RunHistory history, CallerAccess access, CancellationToken ct) =>
                TypedResults.Ok(await access.VisibleAsync(await history.ListAsync(policyId, ct), NamespaceOf, StowageResources.SeeBackups, ct)))
            .WithTags("Backup runs").WithSummary("The history of backup runs the caller may see, optionally of one policy: queued, then their outcome and reason.");
        app.MapGet("/runs/{runId}", GetAsync).WithTags("Backup runs").WithSummary("A backup run: queued, running (step, volumes done) or its outcome.");
        return app;
    }

    /// <summary>A run's application is recorded as "namespace/name".</summary>
    private static string NamespaceOf(RunSummary run) => run.Application.Split('/')[0];

    private static async Task<IResult> GetAsync(string runId, DaprWorkflowClient workflows, RunHistory history, CallerAccess access, CancellationToken ct)
    {
        var summary = await history.GetAsync(runId, ct);
        var state = await workflows.GetWorkflowStateAsync(runId, getInputsAndOutputs: true, ct);
        if (summary is null || state is not { Exists: true }) return TypedResults.Problem($"No backup run '{runId}'.", statusCode: 404);
        await access.RequireAsync(ct, StowageResources.SeeBackups(NamespaceOf(summary)));
        return TypedResults.Ok(new
        {
            runId,
            runtimeStatus = state.RuntimeStatus.ToString(),
            status = state.ReadCustomStatusAs<RunStatus>(),
            progress = summary.Progress,
            correlationId = summary.CorrelationId,
            outcome = state.RuntimeStatus == WorkflowRuntimeStatus.Completed ? state.ReadOutputAs<RunOutcome>().ToString() : null,
            failure = state.FailureDetails?.ErrorMessage,
        });
    }
}
