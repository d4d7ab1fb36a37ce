using FluentValidation;
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

    private static async Task<IResult> CheckAsync(CheckTargetRequest request, TargetChecker checker, CancellationToken ct) =>
        TypedResults.Ok(await checker.CheckAsync(request.Target, request.Namespace, ct));
}
