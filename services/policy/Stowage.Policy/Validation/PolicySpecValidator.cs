using FluentValidation;
using Stowage.Common.Targets;
using Stowage.Common.Validation;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Validation;

public sealed class PolicySpecValidator : AbstractValidator<PolicySpec>
{
    public PolicySpecValidator(TargetAddressPolicy addresses)
    {
        RuleFor(p => p.Application).NotNull().SetValidator(new ApplicationRefValidator());
        RuleFor(p => p.Target).NotNull().SetValidator(new BackupTargetValidator(addresses));
        RuleFor(p => p.Schedule).NotNull().SetValidator(new BackupScheduleValidator());
        RuleFor(p => p.Retention).NotNull().SetValidator(new RetentionRuleValidator());
        RuleFor(p => p.CopyMethod).IsInEnum();
        RuleForEach(p => p.Hooks).SetValidator(new HookSpecValidator());
    }
}

internal sealed class ApplicationRefValidator : AbstractValidator<ApplicationRef>
{
    public ApplicationRefValidator()
    {
        RuleFor(a => a.Namespace).MustBeDnsLabel();
        RuleFor(a => a.Name).MustBeDnsSubdomain();
    }
}

internal sealed class RetentionRuleValidator : AbstractValidator<RetentionRule>
{
    public RetentionRuleValidator()
    {
        RuleFor(r => r.KeepLast).InclusiveBetween(1, 1000)
            .WithMessage("'{PropertyName}' must keep at least 1 and at most 1000 backups; a policy that keeps nothing protects nothing.");
        RuleFor(r => r.Hourly).InclusiveBetween(0, 1000);
        RuleFor(r => r.Daily).InclusiveBetween(0, 1000);
        RuleFor(r => r.Weekly).InclusiveBetween(0, 1000);
        RuleFor(r => r.Monthly).InclusiveBetween(0, 1000);
    }
}

internal sealed class HookSpecValidator : AbstractValidator<HookSpec>
{
    public HookSpecValidator()
    {
        RuleFor(h => h.Phase).IsInEnum();
        RuleFor(h => h.Container).MustBeDnsLabel();
        RuleFor(h => h.Command).NotEmpty().WithMessage("'{PropertyName}' must name the program to run and its arguments.");
        RuleForEach(h => h.Command).NotEmpty();
        RuleFor(h => h.TimeoutSeconds).InclusiveBetween(1, 3600);
    }
}
