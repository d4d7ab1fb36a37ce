using System.Globalization;

namespace Stowage.Discovery.Domain.Catalog;

/// <summary>Parses the intervals catalog files use: a whole number followed by <c>m</c>, <c>h</c> or <c>d</c>.</summary>
internal static class IntervalText
{
    public static bool TryParse(string? text, out TimeSpan interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text) || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }
        TimeSpan? parsed = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
        interval = parsed.GetValueOrDefault();
        return parsed is not null;
    }
}
