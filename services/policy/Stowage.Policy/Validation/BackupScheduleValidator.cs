using Cronos;
using FluentValidation;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Validation;

internal sealed class BackupScheduleValidator : AbstractValidator<BackupSchedule>
{
    public BackupScheduleValidator()
    {
        RuleFor(s => s).Must(s => string.IsNullOrEmpty(s.Interval) != string.IsNullOrEmpty(s.Cron))
            .OverridePropertyName(string.Empty)
            .WithMessage("'schedule' must give exactly one of 'interval' (e.g. 6h) or 'cron' (e.g. 0 2 * * *).");
        RuleFor(s => s.Interval).Must(i => ScheduleInterval.TryParse(i!, out _)).When(s => !string.IsNullOrEmpty(s.Interval))
            .WithMessage($"'{{PropertyName}}' must be a number and a unit (s, m, h, d), between {ScheduleInterval.Minimum.TotalSeconds:0}s and {ScheduleInterval.Maximum.TotalDays:0}d, e.g. 30m or 6h.");
        RuleFor(s => s.Cron).Must(BeCron!).When(s => !string.IsNullOrEmpty(s.Cron))
            .WithMessage("'{PropertyName}' is not a cron expression: use five fields (minute hour day-of-month month day-of-week), e.g. '0 2 * * *'.");
        RuleFor(s => s.TimeZone).Must(BeTimeZone!).When(s => !string.IsNullOrEmpty(s.TimeZone))
            .WithMessage("'{PropertyName}' must be an IANA time zone such as Europe/Paris or UTC.");
        RuleFor(s => s.TimeZone).Empty().When(s => string.IsNullOrEmpty(s.Cron))
            .WithMessage("'{PropertyName}' applies to cron schedules only.");
    }

    private static bool BeCron(string cron) => CronExpression.TryParse(cron, CronFormat.Standard, out _);

    private static bool BeTimeZone(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);
}
