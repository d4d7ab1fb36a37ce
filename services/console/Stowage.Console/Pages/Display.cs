using System.Globalization;
using Stowage.Console.Protection;

namespace Stowage.Console.Pages;

/// <summary>How the pages word sizes, ages and statuses.</summary>
public static class Display
{
    public static string Bytes(long bytes) => Stowage.Contracts.ByteSizes.Format(bytes);

    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalSeconds < 90) return $"{(int)span.TotalSeconds} s";
        if (span.TotalMinutes < 90) return $"{(int)span.TotalMinutes} min";
        if (span.TotalHours < 48) return $"{(int)span.TotalHours} h";
        return $"{(int)span.TotalDays} d";
    }

    public static string Ago(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? $"{Span(now - t)} ago" : "never";

    public static string Until(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? (t <= now ? "due now" : $"in {Span(t - now)}") : "—";

    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    public static string Label(RecoveryPointStatus status) => status switch
    {
        RecoveryPointStatus.Unprotected => "Unprotected",
        RecoveryPointStatus.Pending => "First backup pending",
        RecoveryPointStatus.OnTime => "On time",
        RecoveryPointStatus.AtRisk => "At risk",
        RecoveryPointStatus.Missed => "Missed",
        _ => status.ToString(),
    };

    /// <summary>The CSS class of a status badge; the badge always carries the label too, never colour alone.</summary>
    public static string Css(RecoveryPointStatus status) => status switch
    {
        RecoveryPointStatus.OnTime => "status-ok",
        RecoveryPointStatus.Pending => "status-pending",
        RecoveryPointStatus.AtRisk => "status-risk",
        RecoveryPointStatus.Missed => "status-missed",
        _ => "status-none",
    };

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "—";

    public static string Trend(DurationTrend trend) => trend switch
    {
        DurationTrend.Slower => "getting slower",
        DurationTrend.Faster => "getting faster",
        DurationTrend.Steady => "steady",
        _ => "not enough runs yet",
    };

    public static string Schedule(Stowage.Contracts.Policies.BackupSchedule schedule) =>
        schedule.Interval is { Length: > 0 } interval ? $"every {interval}" : $"cron {schedule.Cron}{(schedule.TimeZone is { Length: > 0 } zone ? $" ({zone})" : "")}";
}
