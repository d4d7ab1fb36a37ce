using System.Globalization;

namespace Stowage.Mover.Engine.Maintenance;

/// <summary>Splits snapshots of one group into kept and removed according to a policy.</summary>
internal static class RetentionEvaluator
{
    public static (List<T> Keep, List<T> Remove) Apply<T>(IEnumerable<T> items, Func<T, DateTimeOffset> timeOf, RetentionPolicy policy)
    {
        var rules = new (int Count, Func<DateTime, string> Bucket)[]
        {
            (policy.KeepLast, _ => Guid.NewGuid().ToString()),
            (policy.KeepHourly, t => t.ToString("yyyy-MM-dd HH", CultureInfo.InvariantCulture)),
            (policy.KeepDaily, t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (policy.KeepWeekly, t => $"{ISOWeek.GetYear(t)}-W{ISOWeek.GetWeekOfYear(t)}"),
            (policy.KeepMonthly, t => t.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            (policy.KeepYearly, t => t.ToString("yyyy", CultureInfo.InvariantCulture)),
        };
        var remaining = rules.Select(r => r.Count).ToArray();
        var lastBucket = new string?[rules.Length];
        var keep = new List<T>();
        var remove = new List<T>();
        foreach (var item in items.OrderByDescending(timeOf))
        {
            var time = timeOf(item).UtcDateTime;
            var kept = false;
            for (var r = 0; r < rules.Length; r++)
            {
                if (remaining[r] <= 0) continue;
                var bucket = rules[r].Bucket(time);
                if (bucket == lastBucket[r]) continue;
                lastBucket[r] = bucket;
                remaining[r]--;
                kept = true;
            }
            (kept ? keep : remove).Add(item);
        }
        return (keep, remove);
    }
}
