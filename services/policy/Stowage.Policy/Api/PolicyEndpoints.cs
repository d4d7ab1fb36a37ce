using System.Text.Json.Nodes;
using FluentValidation;
using Stowage.Common.Access;
using Stowage.Common.EventSourcing;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Policy.Projections;

namespace Stowage.Policy.Api;

internal static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/policies").WithTags("Policies");
        policies.MapPost("/", CreateAsync).Validate<PolicySpec>().WithSummary("Create a policy; ?paused=true creates it paused.");
        policies.MapGet("/", ListAsync).WithSummary("List policies, filtered by namespace, application and status, paged.");
        policies.MapGet("/{id}", GetAsync).WithSummary("Get one policy; its ETag is its version.");
        policies.MapPut("/{id}", ReplaceAsync).Validate<PolicySpec>().WithSummary("Replace the spec; needs If-Match.");
        policies.MapPatch("/{id}", PatchAsync).Accepts<JsonObject>("application/merge-patch+json").WithSummary("Merge-patch the spec; needs If-Match.");
        policies.MapPost("/{id}/pause", PauseAsync).WithSummary("Stop scheduled runs until resumed.");
        policies.MapPost("/{id}/resume", ResumeAsync).WithSummary("Resume scheduled runs.");
        policies.MapDelete("/{id}", DeleteAsync).WithSummary("Delete the policy; its backups stay restorable.");
        policies.MapGet("/{id}/events", HistoryAsync).WithSummary("Every change of the policy, oldest first.");
        app.MapPost("/admin/projections/rebuild", RebuildAsync).WithTags("Admin").WithSummary("Rebuild the read model from the event streams (needs update backuppolicies in every namespace).");
        return app;
    }

    private static async Task<IResult> CreateAsync(PolicySpec spec, bool? paused, PolicyCommandHandler handler, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        if (await AuthorizeSpecAsync(spec, StowageResources.CreatePolicy, access, placement, ct) is { } refused) return refused;
        var id = Guid.NewGuid().ToString("N")[..12];
        var state = await handler.HandleAsync(id, new CreatePolicy(id, spec, paused ?? false), expectedVersion: 0, ct);
        return WithETag(TypedResults.Created($"/policies/{id}", state), state);
    }

    private static async Task<IResult> ListAsync(string? @namespace, string? application, string? status, int? page, int? pageSize, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        PolicyStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<PolicyStatus>(status, ignoreCase: true, out var s)) parsedStatus = s;
            else errors["status"] = ["'status' must be one of: active, paused, deleted."];
        }
        if (page is < 1) errors["page"] = ["'page' must be 1 or more."];
        if (pageSize is < 1 or > 500) errors["pageSize"] = ["'pageSize' must be between 1 and 500."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
        if (@namespace is not null) await access.RequireAsync(ct, StowageResources.SeePolicies(@namespace));
        var query = new PolicyQuery(@namespace, application, parsedStatus, page ?? 1, pageSize ?? 50);
        return TypedResults.Ok(await views.QueryAsync(query, ns => access.MayAsync(StowageResources.SeePolicies(ns), ct), ct));
    }

    private static async Task<IResult> GetAsync(string id, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        var state = await LivePolicyAsync(id, views, access, StowageResources.SeePolicies, ct);
        return WithETag(TypedResults.Ok(state), state);
    }

    private static async Task<IResult> ReplaceAsync(string id, PolicySpec spec, HttpRequest request, PolicyCommandHandler handler, PolicyViews views,
        CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        var expected = IfMatch.Required(request);
        await LivePolicyAsync(id, views, access, StowageResources.UpdatePolicy, ct);
        if (await AuthorizeSpecAsync(spec, StowageResources.UpdatePolicy, access, placement, ct) is { } refused) return refused;
        return await RunAsync(handler, id, new ReplacePolicySpec(spec), expected, ct);
    }

    private static async Task<IResult> PatchAsync(string id, JsonObject patch, HttpRequest request, PolicyCommandHandler handler, PolicyViews views,
        IValidator<PolicySpec> validator, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        var expected = IfMatch.Required(request);
        var current = await LivePolicyAsync(id, views, access, StowageResources.UpdatePolicy, ct);
        var spec = JsonMergePatch.Apply(current.Spec, patch);
        var result = await validator.ValidateAsync(spec, ct);
        if (!result.IsValid) return TypedResults.ValidationProblem(result.ToDictionary(), title: "One or more fields are invalid.");
        if (await AuthorizeSpecAsync(spec, StowageResources.UpdatePolicy, access, placement, ct) is { } refused) return refused;
        return await RunAsync(handler, id, new ReplacePolicySpec(spec), expected, ct);
    }

    private static async Task<IResult> PauseAsync(string id, string? reason, HttpRequest request, PolicyCommandHandler handler, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        await LivePolicyAsync(id, views, access, StowageResources.UpdatePolicy, ct);
        return await RunAsync(handler, id, new PausePolicy(reason), IfMatch.Optional(request), ct);
    }

    private static async Task<IResult> ResumeAsync(string id, HttpRequest request, PolicyCommandHandler handler, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        await LivePolicyAsync(id, views, access, StowageResources.UpdatePolicy, ct);
        return await RunAsync(handler, id, new ResumePolicy(), IfMatch.Optional(request), ct);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, PolicyCommandHandler handler, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        await LivePolicyAsync(id, views, access, StowageResources.DeletePolicy, ct);
        await handler.HandleAsync(id, new DeletePolicy(), IfMatch.Optional(request), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> HistoryAsync(string id, IEventStore<PolicyEvent> store, PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        var stream = await store.ReadAsync(id, ct);
        if (stream.Version == 0) throw new PolicyNotFound();
        if (await views.GetAsync(id, ct) is { } state) await access.RequireAsync(ct, StowageResources.SeePolicies(state.Spec.Application.Namespace));
        else await access.RequireAsync(ct, StowageResources.Administer);
        return TypedResults.Ok(stream.Events);
    }

    private static async Task<IResult> RebuildAsync(PolicyViews views, CallerAccess access, CancellationToken ct)
    {
        await access.RequireAsync(ct, StowageResources.Administer);
        return TypedResults.Ok(await views.RebuildAsync(ct));
    }

    /// <summary>The policy (404 when deleted or unknown), once the caller is found to hold the permission in its namespace (403 otherwise).</summary>
    private static async Task<PolicyState> LivePolicyAsync(string id, PolicyViews views, CallerAccess access, Func<string, Permission> permission, CancellationToken ct)
    {
        var state = await views.GetAsync(id, ct);
        if (state is null || state.Status == PolicyStatus.Deleted) throw new PolicyNotFound(state is not null);
        await access.RequireAsync(ct, permission(state.Spec.Application.Namespace));
        return state;
    }

    /// <summary>
    /// What a spec asks of its author: the verb on policies in its namespace; for hooks, the right to run commands in
    /// that namespace's pods themselves; credentials only from that namespace or a shared one (400 otherwise).
    /// </summary>
    internal static async Task<IResult?> AuthorizeSpecAsync(PolicySpec spec, Func<string, Permission> verb, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        var ns = spec.Application.Namespace;
        await access.RequireAsync(ct, verb(ns));
        if (spec.Hooks is { Count: > 0 }) await access.RequireAsync(ct, StowageResources.ExecInPods(ns));
        return placement.Refusal(spec.Target.Credentials, ns, ns, "target.credentials.secretNamespace");
    }

    private static async Task<IResult> RunAsync(PolicyCommandHandler handler, string id, PolicyCommand command, long? expected, CancellationToken ct)
    {
        var state = await handler.HandleAsync(id, command, expected, ct);
        return WithETag(TypedResults.Ok(state), state);
    }

    private static IResult WithETag(IResult result, PolicyState state) => new ETaggedResult(result, IfMatch.Format(state.Version));
}
