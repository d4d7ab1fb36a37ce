using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Tests.Protection;

/// <summary>Events as the services publish them, for the Given part of the projection's tests.</summary>
internal static class Events
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly ApplicationRef App = new("shop", "orders-db");

    public static readonly BackupTarget Target = new(TargetProviders.Local, "backups", new CredentialsRef(ConfigurationName: "demo"));

    public static PolicySpec Spec(string interval = "1h", int keep = 7) => new(App, Target, new BackupSchedule(interval), new RetentionRule(keep));

    public static ApplicationDiscovered Discovered(DateTimeOffset at) => new(Guid.NewGuid(), at, new ApplicationDescription(
        App.ToString(), App.Namespace, App.Name, new ApplicationKind("postgresql", "PostgreSQL", false, ["image:postgres"]), "workload",
        [], [], [], new ConsistencyHooks([], []), new MemberSelection("all", null, []), new SuggestedPolicy(null, TimeSpan.FromHours(6), 14), "",
        new ProtectionStatus(ProtectionReadiness.FileCopyOnly, []), "hash"));

    public static PolicyCreated Created(DateTimeOffset at, string interval = "1h", string id = "p1") => new(Guid.NewGuid(), id, 1, at, Spec(interval), false);

    public static BackupRequested Requested(string run, DateTimeOffset at, string policy = "p1") =>
        new(Guid.NewGuid(), at, run, policy, 1, Spec(), BackupTrigger.Scheduled);

    public static BackupFinished Finished(string run, DateTimeOffset at, RunOutcome outcome = RunOutcome.Succeeded, long added = 1000, long source = 10_000, int? kept = null, string policy = "p1") =>
        new(Guid.NewGuid(), at, run, policy, outcome, outcome == RunOutcome.Succeeded ? null : "Volume data was not copied: disk gone",
            [new VolumeResult("data", outcome == RunOutcome.Succeeded, "snap", added, null, source)], kept);
}
