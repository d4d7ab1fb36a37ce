using Stowage.Common.Access;
using Stowage.Scheduler.Policies;
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

    private static async Task<IResult> GetAsync(string policyId, ScheduleCoordinator coordinator, ScheduledPolicyStore policies, CallerAccess access, CancellationToken ct)
    {
        if (await RequireAsync(policyId, policies, access, StowageResources.SeePolicies, ct) is { } unknown) return unknown;
        var state = await coordinator.GetAsync(policyId, ct);
        if (state is null) return TypedResults.Problem($"Policy '{policyId}' has no schedule: it is unknown, paused or deleted.", statusCode: 404);
        return TypedResults.Ok(new
        {
            policyId,
            runtimeStatus = state.RuntimeStatus.ToString(),
            status = state.ReadCustomStatusAs<ScheduleStatus>(),
        });
    }

    private static async Task<IResult> RunNowAsync(string policyId, ScheduleCoordinator coordinator, ScheduledPolicyStore policies, CallerAccess access, CancellationToken ct)
    {
        if (await RequireAsync(policyId, policies, access, StowageResources.CreateBackup, ct) is { } unknown) return unknown;
        return await coordinator.RunNowAsync(policyId, ct)
            ? TypedResults.Accepted($"/schedules/{policyId}")
            : TypedResults.Problem($"Policy '{policyId}' has no running schedule: resume it first, or check the id.", statusCode: 409);
    }

    /// <summary>404 for a policy this service never heard of; else 403 unless the caller holds the permission in its namespace.</summary>
    private static async Task<IResult?> RequireAsync(string policyId, ScheduledPolicyStore policies, CallerAccess access, Func<string, Permission> permission, CancellationToken ct)
    {
        if (await policies.GetAsync(policyId, ct) is not { Spec: { } spec })
            return TypedResults.Problem($"Policy '{policyId}' has no schedule: it is unknown, paused or deleted.", statusCode: 404);
        await access.RequireAsync(ct, permission(spec.Application.Namespace));
        return null;
    }
}
