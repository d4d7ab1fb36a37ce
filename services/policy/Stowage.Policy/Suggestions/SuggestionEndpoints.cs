using FluentValidation;
using Stowage.Common.Access;
using Stowage.Common.Targets;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Policy.Projections;
using Stowage.Policy.Validation;

namespace Stowage.Policy.Suggestions;

/// <summary>Accepting a suggestion needs only the target: where the backups go is the user's decision.</summary>
public sealed record AcceptSuggestionRequest(BackupTarget Target, bool Paused = false);

internal sealed class AcceptSuggestionRequestValidator : AbstractValidator<AcceptSuggestionRequest>
{
    public AcceptSuggestionRequestValidator(TargetAddressPolicy addresses) =>
        RuleFor(r => r.Target).NotNull().SetValidator(new BackupTargetValidator(addresses));
}

internal static class SuggestionEndpoints
{
    public static IEndpointRouteBuilder MapSuggestionApi(this IEndpointRouteBuilder app)
    {
        var suggestions = app.MapGroup("/suggestions").WithTags("Suggestions");
        suggestions.MapGet("/", async (SuggestionStore store, CallerAccess access, CancellationToken ct) =>
                TypedResults.Ok(await access.VisibleAsync(await store.AllAsync(ct), s => s.Application.Namespace, StowageResources.SeePolicies, ct)))
            .WithSummary("Policies discovery suggests for the applications it found, in the namespaces the caller may see.");
        suggestions.MapPost("/{namespace}/{name}/accept", AcceptAsync).Validate<AcceptSuggestionRequest>()
            .WithSummary("Create a policy from a suggestion, with the given target.");
        return app;
    }

    private static async Task<IResult> AcceptAsync(string @namespace, string name, AcceptSuggestionRequest request, SuggestionStore store,
        PolicyCommandHandler handler, IValidator<PolicySpec> validator, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        await access.RequireAsync(ct, StowageResources.CreatePolicy(@namespace));
        var suggestion = await store.GetAsync($"{@namespace}/{name}", ct);
        if (suggestion is null) return TypedResults.Problem($"No suggestion for application {@namespace}/{name}; discovery has not seen it.", statusCode: 404);

        var spec = suggestion.ToSpec(request.Target);
        var result = await validator.ValidateAsync(spec, ct);
        if (!result.IsValid) return TypedResults.ValidationProblem(result.ToDictionary(), title: "The suggestion does not make a valid policy.");
        // The catalog's hooks come with the suggestion: accepting them needs no exec right of the caller's own.
        if (placement.Refusal(spec.Target.Credentials, @namespace, @namespace, "target.credentials.secretNamespace") is { } refused) return refused;

        var id = Guid.NewGuid().ToString("N")[..12];
        var state = await handler.HandleAsync(id, new CreatePolicy(id, spec, request.Paused, suggestion.Id), expectedVersion: 0, ct);
        return TypedResults.Created($"/policies/{id}", state);
    }
}
