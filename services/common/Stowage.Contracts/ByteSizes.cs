using System.Globalization;

namespace Stowage.Contracts;

/// <summary>How Stowage words a number of bytes for people, in the CLI and the console alike: binary units, one decimal.</summary>
public static class ByteSizes
{
    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }
}
