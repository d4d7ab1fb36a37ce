namespace Stowage.Mover.Engine.Restore;

/// <summary>
/// The names a restore accepts from a tree, which is untrusted input: each must be one path component (not
/// empty, ".", "..", and without "/" or NUL), and a tree's names must be strictly increasing (ordinal), which is
/// how backups write them, so no name can appear twice.
/// </summary>
internal static class TreeEntryNames
{
    /// <summary>The name, if acceptable after <paramref name="previous"/> in a tree at <paramref name="parentPath"/>; otherwise a refusal naming it.</summary>
    public static string Check(string name, string? previous, string parentPath)
    {
        var reason = name switch
        {
            "" => "an empty name",
            "." or ".." => "a name that is not a file name",
            _ when name.Contains('/') || name.Contains('\0') => "a name holding '/' or NUL",
            _ when previous is not null && string.CompareOrdinal(previous, name) >= 0 =>
                previous == name ? "a name the directory already holds" : "a name out of order (trees are sorted by name)",
            _ => null,
        };
        if (reason is null) return name;
        var shown = name.Length == 0 ? "<empty>" : name.Replace("\0", "\\0", StringComparison.Ordinal);
        throw new RestoreRefusedException(parentPath.Length == 0 ? shown : parentPath + "/" + shown, $"the snapshot's tree holds {reason}");
    }
}
