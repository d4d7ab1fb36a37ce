using FluentValidation;
using Stowage.Common.Validation;
using Stowage.Contracts.Restores;

namespace Stowage.Scheduler.Commands;

/// <summary>
/// What a restore command must say before its policy is looked up: where the restore writes, which application (or
/// policy) it restores, and which backup. Each problem names its field as the command's JSON does.
/// </summary>
internal sealed class RestoreCommandValidator : AbstractValidator<RestoreCommand>
{
    public RestoreCommandValidator()
    {
        RuleFor(c => c.TargetNamespace).NotEmpty().WithMessage("'targetNamespace' is required: it says where the restore writes.")
            .DependentRules(() => RuleFor(c => c.TargetNamespace).MustBeDnsLabel().WithName("targetNamespace"));
        RuleFor(c => c.Application).NotNull().When(c => c.PolicyId is null)
            .WithMessage("'application' or 'policyId' must name what to restore.");
        RuleFor(c => c.Application!.Namespace).MustBeDnsLabel().WithName("application.namespace").When(c => c.Application is not null);
        RuleFor(c => c.Application!.Name).MustBeDnsSubdomain().WithName("application.name").When(c => c.Application is not null);
        RuleFor(c => c.PolicyId).NotEmpty().WithMessage("'policyId' must not be empty.").When(c => c.PolicyId is not null);
        RuleFor(c => c.BackupId).Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$").When(c => c.BackupId is not null)
            .WithMessage($"'backupId' must be a backup run's id or \"{RestoreCommand.Latest}\".");
        RuleForEach(c => c.StorageClassMap).Must(pair => pair.Key.Length > 0 && pair.Value.Length > 0)
            .WithMessage("'storageClassMap' entries map a non-empty storage class name to another.");
    }
}
