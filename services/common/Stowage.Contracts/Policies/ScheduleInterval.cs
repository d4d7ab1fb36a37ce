using System.Globalization;

namespace Stowage.Contracts.Policies;

/// <summary>Schedule intervals as users write them: a whole number and one unit, "45s", "30m", "6h", "1d".</summary>
public static class ScheduleInterval
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(366);

    public static bool TryParse(string text, out TimeSpan interval)
    {
        interval = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }
        double? seconds = text[^1] switch { 's' => count, 'm' => count * 60d, 'h' => count * 3600d, 'd' => count * 86400d, _ => null };
        if (seconds is null || seconds < Minimum.TotalSeconds || seconds > Maximum.TotalSeconds) return false;
        interval = TimeSpan.FromSeconds(seconds.Value);
        return true;
    }
}
