using FluentValidation;
using Stowage.Common.Access;
using Stowage.Common.Targets;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;
using Stowage.Policy.Targets;
using Stowage.Policy.Validation;

namespace Stowage.Policy.Api;

/// <summary>The namespace is where a referenced Kubernetes secret is looked up when the reference names none.</summary>
public sealed record CheckTargetRequest(BackupTarget Target, string Namespace = "default");

internal sealed class CheckTargetRequestValidator : AbstractValidator<CheckTargetRequest>
{
    public CheckTargetRequestValidator(TargetAddressPolicy addresses)
    {
        RuleFor(r => r.Target).NotNull().SetValidator(new BackupTargetValidator(addresses));
        RuleFor(r => r.Namespace).MustBeDnsLabel();
    }
}

internal static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/targets/check", CheckAsync).Validate<CheckTargetRequest>().WithTags("Targets")
            .WithSummary("Try a target with its credentials: reachable, listable, writable. Reports what to fix.");
        return app;
    }

    // Checking a target reads its credentials Secret: the caller must be one who could make a policy with it.
    private static async Task<IResult> CheckAsync(CheckTargetRequest request, TargetChecker checker, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        await access.RequireAsync(ct, StowageResources.CreatePolicy(request.Namespace));
        if (placement.Refusal(request.Target.Credentials, request.Namespace, request.Namespace, "target.credentials.secretNamespace") is { } refused) return refused;
        return TypedResults.Ok(await checker.CheckAsync(request.Target, request.Namespace, ct));
    }
}
