namespace Stowage.Discovery.Domain.Catalog;

/// <summary>The loaded catalog: specific kinds, the generic fallback, and the files that could not be used.</summary>
internal sealed class ApplicationCatalog
{
    /// <summary>Used when no catalog file declares a generic entry, so discovery still lists stateful workloads.</summary>
    private static readonly CatalogEntry BuiltInGeneric = new()
    {
        Name = "generic-stateful",
        DisplayName = "Stateful workload",
        Generic = true,
        Policy = new PolicyRule { Schedule = "0 2 * * *", KeepLast = 7 },
        RestoreNotes = "No application-specific knowledge: volumes are copied as they are (crash-consistent).",
        Source = "built-in",
    };

    public ApplicationCatalog(IReadOnlyList<CatalogEntry> entries, IReadOnlyList<string> problems)
    {
        Specific = entries.Where(entry => !entry.Generic).OrderBy(entry => entry.Name, StringComparer.Ordinal).ToList();
        Generic = entries.Where(entry => entry.Generic).OrderBy(entry => entry.Name, StringComparer.Ordinal).FirstOrDefault() ?? BuiltInGeneric;
        Problems = problems;
    }

    public static ApplicationCatalog Empty { get; } = new([], []);

    public IReadOnlyList<CatalogEntry> Specific { get; }

    public CatalogEntry Generic { get; }

    /// <summary>Files that were skipped, with what is wrong in each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
