using Dapr.Workflow;
using FluentValidation;
using Stowage.Common.Access;
using Stowage.Common.Targets;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Mover.Engine;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Api;

/// <summary>Which backups a bucket holds: needs only the target (address and credentials reference).</summary>
public sealed record ListBackupsRequest(BackupTarget Target, string CredentialsNamespace = "default", string? PolicyId = null);

public sealed record BackupSummary(string RunId, string PolicyId, ApplicationRef Application, DateTimeOffset Time, IReadOnlyList<VolumeSnapshotRef> Volumes, int Resources);

internal sealed class ListBackupsRequestValidator : AbstractValidator<ListBackupsRequest>
{
    public ListBackupsRequestValidator(TargetAddressPolicy addresses) =>
        RuleFor(r => r.Target).NotNull().SetValidator(new BackupTargetValidator(addresses));
}

internal sealed class RestoreRequestValidator : AbstractValidator<RestoreRequest>
{
    public RestoreRequestValidator(TargetAddressPolicy addresses)
    {
        RuleFor(r => r.Target).NotNull().SetValidator(new BackupTargetValidator(addresses));
        RuleFor(r => r.TargetNamespace).MustBeDnsLabel().When(r => r.TargetNamespace is not null);
        RuleFor(r => r.RunId).NotEmpty().When(r => r.Application is null)
            .WithMessage("'runId' or 'application' must say which backup to restore.");
        RuleFor(r => r.TargetNamespace).NotEmpty().When(r => r.Application is null)
            .WithMessage("'targetNamespace' is needed when only 'runId' names the backup: where a restore writes is checked before it starts.");
        RuleForEach(r => r.StorageClassMap).Must(pair => pair.Key.Length > 0 && pair.Value.Length > 0)
            .WithMessage("'storageClassMap' entries map a non-empty storage class name to another.");
    }
}

internal static class RestoreEndpoints
{
    public static IEndpointRouteBuilder MapRestoreApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/backups/list", ListAsync).Validate<ListBackupsRequest>().WithTags("Backups")
            .WithSummary("The backup runs a bucket holds, read from the bucket alone (works on a cluster that never saw them).");
        var restores = app.MapGroup("/restores").WithTags("Restores");
        restores.MapPost("/", StartAsync).Validate<RestoreRequest>().WithSummary("Start a restore; answers 202 with its id.");
        restores.MapGet("/{restoreId}", GetAsync).WithSummary("A restore: its step and progress, then its report per resource and per volume.");
        return app;
    }

    private static async Task<IResult> ListAsync(ListBackupsRequest request, RepositoryOpener opener, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        await access.RequireAsync(ct, StowageResources.SeeBackups(request.CredentialsNamespace));
        if (placement.Refusal(request.Target.Credentials, request.CredentialsNamespace, request.CredentialsNamespace, "target.credentials.secretNamespace") is { } refused) return refused;
        using var repository = await OpenIfPresentAsync(opener, request, ct);
        if (repository is null) return TypedResults.Problem("No backup has been written to this target yet: it holds no repository.", statusCode: 404);
        var runs = await new RunRepository(repository).ListRunsAsync(request.PolicyId, ct);
        return TypedResults.Ok(runs.Select(r => new BackupSummary(r.Manifest.RunId, r.Manifest.PolicyId, r.Manifest.Application, r.Time, r.Manifest.Volumes, r.Manifest.Resources.Count)));
    }

    // A policy whose first backup has not run yet points at a target without a repository: nothing to list, not a fault.
    private static async Task<StowageRepository?> OpenIfPresentAsync(RepositoryOpener opener, ListBackupsRequest request, CancellationToken ct)
    {
        try
        {
            return await opener.OpenAsync(request.Target, request.CredentialsNamespace, createIfMissing: false, ct);
        }
        catch (RepositoryLocationException)
        {
            return null;
        }
    }

    // What can be checked before the backup is read is checked here; the rest (source namespace, kinds, hooks) by the plan.
    private static async Task<IResult> StartAsync(RestoreRequest request, DaprWorkflowClient workflows, CallerAccess access, CredentialsPlacement placement, CancellationToken ct)
    {
        var restoreId = $"restore-{Guid.NewGuid():N}"[..20];
        var input = new RestoreInput(restoreId, request, access.Caller);
        await access.RequireAsync(ct, StowageResources.CreateRestore(input.TargetNamespace));
        if (request.Application is { } application) await access.RequireAsync(ct, StowageResources.SeeBackups(application.Namespace));
        if (placement.Refusal(request.Target.Credentials, request.CredentialsNamespace, input.TargetNamespace, "target.credentials.secretNamespace") is { } refused) return refused;
        await workflows.ScheduleNewWorkflowAsync(nameof(RestoreWorkflow), restoreId, input);
        return TypedResults.Accepted($"/restores/{restoreId}", new { restoreId });
    }

    private static async Task<IResult> GetAsync(string restoreId, DaprWorkflowClient workflows, CallerAccess access, CancellationToken ct)
    {
        var state = await workflows.GetWorkflowStateAsync(restoreId, getInputsAndOutputs: true, ct);
        if (state is not { Exists: true }) return TypedResults.Problem($"No restore '{restoreId}'.", statusCode: 404);
        var input = state.ReadInputAs<RestoreInput>()!;
        await access.RequireAsync(ct, StowageResources.SeeRestores(input.TargetNamespace));
        return TypedResults.Ok(new
        {
            restoreId,
            correlationId = input.CorrelationId,
            runtimeStatus = state.RuntimeStatus.ToString(),
            status = state.ReadCustomStatusAs<RestoreStatus>(),
            report = state.RuntimeStatus == WorkflowRuntimeStatus.Completed ? state.ReadOutputAs<RestoreReport>() : null,
            failure = state.FailureDetails?.ErrorMessage,
        });
    }
}
