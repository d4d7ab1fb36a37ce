using Stowage.Common.Access;
using Stowage.Console.Access;
using Stowage.Console.Projections;
using Stowage.Console.Protection;
using Stowage.Console.Services;

namespace Stowage.Console.Api;

/// <summary>
/// The read model as JSON, for the pages' live updates and for other tools: only what the caller's token may see.
/// Another namespace's application answers 404, as if it did not exist, so names do not leak.
/// </summary>
internal static class ProtectionEndpoints
{
    public static IEndpointRouteBuilder MapProtectionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Protection");
        api.MapGet("/protection", ListAsync).WithSummary("Every application the caller may see, with its protection status.");
        api.MapGet("/protection/{namespace}/{name}", GetAsync).WithSummary("One application's protection.");
        api.MapGet("/runs/{runId}", RunAsync).WithSummary("A backup run as the console shows it: its record and the mover's live status.");
        api.MapGet("/restores/{restoreId}", RestoreAsync).WithSummary("A restore started from the console: its step, progress and report.");
        app.MapPost("/admin/projections/rebuild", RebuildAsync).WithTags("Admin").WithSummary("Rebuild the protection read model from its journals.");
        return app;
    }

    private static async Task<IResult> ListAsync(string? @namespace, ProtectionViews views, ViewerContext viewer, TimeProvider clock, CancellationToken ct)
    {
        if (await viewer.CurrentAsync(ct) is null) return Unauthenticated();
        var all = (await views.AllAsync(ct)).Where(a => @namespace is null || a.Namespace == @namespace);
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await viewer.VisibleAsync(all, ct)).Select(a => ProtectionReport.Of(a, now)));
    }

    private static async Task<IResult> GetAsync(string @namespace, string name, ProtectionViews views, ViewerContext viewer, TimeProvider clock, CancellationToken ct)
    {
        if (await viewer.CurrentAsync(ct) is null) return Unauthenticated();
        var application = await views.GetAsync($"{@namespace}/{name}", ct);
        if (application is null || !await viewer.MayAsync(StowageResources.SeePolicies(@namespace), ct)) return NotFound($"No application {@namespace}/{name}.");
        return TypedResults.Ok(ProtectionReport.Of(application, clock.GetUtcNow()));
    }

    private static async Task<IResult> RunAsync(string runId, ProtectionViews views, ViewerContext viewer, ConsoleActions actions, CancellationToken ct)
    {
        if (await viewer.CurrentAsync(ct) is not { } current) return Unauthenticated();
        var owner = await views.OwnerAsync("run", runId, ct);
        var application = owner is null ? null : await views.GetAsync(owner, ct);
        if (application is null || !await viewer.MayAsync(StowageResources.SeePolicies(application.Namespace), ct)) return NotFound($"No backup run '{runId}'.");
        var live = await actions.RunStatusAsync(current, runId, ct);
        return TypedResults.Ok(new { run = application.Runs.FirstOrDefault(r => r.RunId == runId), live = live.Succeeded ? live.Body : default });
    }

    private static async Task<IResult> RestoreAsync(string restoreId, ProtectionViews views, ViewerContext viewer, ConsoleActions actions, CancellationToken ct)
    {
        if (await viewer.CurrentAsync(ct) is not { } current) return Unauthenticated();
        var owner = await views.OwnerAsync("restore", restoreId, ct);
        if (owner is null || !await viewer.MayAsync(StowageResources.SeePolicies(owner[..owner.IndexOf('/')]), ct)) return NotFound($"No restore '{restoreId}'.");
        var answer = await actions.RestoreStatusAsync(current, restoreId, ct);
        return answer.Succeeded ? TypedResults.Ok(answer.Body) : TypedResults.Problem(answer.Problem, statusCode: answer.Status);
    }

    private static async Task<IResult> RebuildAsync(ProtectionViews views, ViewerContext viewer, CancellationToken ct)
    {
        if (await viewer.CurrentAsync(ct) is null) return Unauthenticated();
        if (!await viewer.MayAsync(StowageResources.Administer, ct)) return TypedResults.Problem($"Rebuilding the read model needs permission to {StowageResources.Administer}.", statusCode: 403);
        return TypedResults.Ok(await views.RebuildAsync(ct));
    }

    private static IResult Unauthenticated() => TypedResults.Problem("Send a bearer token (Authorization: Bearer ...) that the cluster accepts.", statusCode: 401);

    private static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: 404);
}
