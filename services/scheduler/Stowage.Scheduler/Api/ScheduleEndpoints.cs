using Stowage.Scheduler.Schedules;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Api;

internal static class ScheduleEndpoints
{
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapGet("/{policyId}", GetAsync).WithSummary("The policy's schedule: next due time, last run, current run.");
        schedules.MapPost("/{policyId}/run-now", RunNowAsync).WithSummary("Back up now; the run waits for a run in progress to finish.");
        return app;
    }

    private static async Task<IResult> GetAsync(string policyId, ScheduleCoordinator coordinator, CancellationToken ct)
    {
        var state = await coordinator.GetAsync(policyId, ct);
        if (state is null) return TypedResults.Problem($"Policy '{policyId}' has no schedule: it is unknown, paused or deleted.", statusCode: 404);
        return TypedResults.Ok(new
        {
            policyId,
            runtimeStatus = state.RuntimeStatus.ToString(),
            status = state.ReadCustomStatusAs<ScheduleStatus>(),
        });
    }

    private static async Task<IResult> RunNowAsync(string policyId, ScheduleCoordinator coordinator, CancellationToken ct) =>
        await coordinator.RunNowAsync(policyId, ct)
            ? TypedResults.Accepted($"/schedules/{policyId}")
            : TypedResults.Problem($"Policy '{policyId}' has no running schedule: resume it first, or check the id.", statusCode: 409);
}
