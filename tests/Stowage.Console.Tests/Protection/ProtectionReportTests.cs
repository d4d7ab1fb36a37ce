using Stowage.Console.Protection;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using static Stowage.Console.Tests.Protection.Events;

namespace Stowage.Console.Tests.Protection;

public sealed class ProtectionReportTests
{
    private static ProtectionReport Report(DateTimeOffset now, params IIntegrationEvent[] events) =>
        ProtectionReport.Of(ProtectionProjection.Replay(ApplicationProtection.Unknown(App.Namespace, App.Name), events), now);

    [Fact]
    public void Sizes_are_summed_over_the_kept_backups_and_the_ratio_is_source_over_stored()
    {
        var report = Report(T0.AddHours(3), Created(T0),
            Requested("r1", T0), Finished("r1", T0.AddMinutes(1), added: 3000, source: 10_000),
            Requested("r2", T0.AddHours(1)), Finished("r2", T0.AddHours(1).AddMinutes(1), added: 500, source: 10_000),
            Requested("r3", T0.AddHours(2)), Finished("r3", T0.AddHours(2).AddMinutes(1), added: 500, source: 10_000, kept: 2));
        Assert.Equal(2, report.BackupsKept);
        Assert.Equal(1000, report.BytesStored);
        Assert.Equal(20.0, report.DeduplicationRatio);
    }

    [Fact]
    public void The_last_failure_and_its_reason_are_reported_and_make_the_application_at_risk()
    {
        var report = Report(T0.AddMinutes(30), Created(T0),
            Requested("r1", T0), Finished("r1", T0.AddMinutes(1)),
            Requested("r2", T0.AddMinutes(20)), Finished("r2", T0.AddMinutes(21), RunOutcome.Failed));
        Assert.Equal("r2", report.LastFailure!.RunId);
        Assert.Contains("disk gone", report.LastFailure.Reason);
        Assert.Equal(RecoveryPointStatus.AtRisk, report.Status);
        Assert.Equal("r1", report.LastSuccess!.RunId);
    }

    [Fact]
    public void The_next_run_counts_from_the_last_start_and_a_paused_policy_has_none()
    {
        var running = Report(T0.AddMinutes(10), Created(T0), Requested("r1", T0.AddMinutes(2)));
        Assert.Equal(T0.AddMinutes(62), running.NextRun);
        Assert.Equal("r1", running.Running!.RunId);
        var paused = Report(T0.AddMinutes(10), Created(T0), new Stowage.Contracts.Policies.PolicyPaused(Guid.NewGuid(), "p1", 2, T0, App, null));
        Assert.Null(paused.NextRun);
    }

    [Fact]
    public void Durations_that_grow_read_as_slower()
    {
        var events = new List<IIntegrationEvent> { Created(T0) };
        for (var i = 0; i < 6; i++)
        {
            var start = T0.AddHours(i);
            events.Add(Requested($"r{i}", start));
            events.Add(Finished($"r{i}", start.AddSeconds(i < 3 ? 10 : 60)));
        }
        Assert.Equal(DurationTrend.Slower, Report(T0.AddHours(6), [.. events]).DurationTrend);
        Assert.Equal(DurationTrend.Unknown, Report(T0.AddHours(1), Created(T0), Requested("r", T0), Finished("r", T0.AddSeconds(9))).DurationTrend);
    }
}
