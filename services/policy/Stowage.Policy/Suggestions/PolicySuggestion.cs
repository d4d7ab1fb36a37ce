using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Suggestions;

/// <summary>What discovery proposes for an application that a user can turn into a policy in one call.</summary>
public sealed record PolicySuggestion(
    string Id,
    ApplicationRef Application,
    string Kind,
    BackupSchedule Schedule,
    RetentionRule Retention,
    IReadOnlyList<HookSpec> Hooks,
    DateTimeOffset SuggestedAt)
{
    public static PolicySuggestion From(ApplicationDescription application, DateTimeOffset at) => new(
        application.Id,
        new ApplicationRef(application.Namespace, application.Name),
        application.Kind.Name,
        ScheduleOf(application.SuggestedPolicy),
        new RetentionRule(Math.Max(1, application.SuggestedPolicy.KeepLast)),
        [.. application.Hooks.Before.Select(h => Hook(HookPhase.Pre, h)), .. application.Hooks.After.Select(h => Hook(HookPhase.Post, h))],
        at);

    public PolicySpec ToSpec(BackupTarget target) => new(Application, target, Schedule, Retention, CopyMethod.Auto, Hooks);

    private static BackupSchedule ScheduleOf(SuggestedPolicy suggested) =>
        suggested.Cron is { Length: > 0 } cron ? new BackupSchedule(Cron: cron)
        : new BackupSchedule(Interval: $"{(long)(suggested.Interval ?? TimeSpan.FromDays(1)).TotalSeconds}s");

    private static HookSpec Hook(HookPhase phase, HookCommand command) =>
        new(phase, command.Container, command.Command, command.TimeoutSeconds);
}
