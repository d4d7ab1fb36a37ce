using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Stowage.Discovery.Domain.Catalog;

/// <summary>
/// Reads catalog files (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>; one entry per file) from folders in order;
/// an entry in a later folder replaces one with the same name from an earlier folder.
/// </summary>
internal static class CatalogLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ApplicationCatalog Load(IEnumerable<string> folders)
    {
        var entries = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(IsCatalogFile).Order(StringComparer.Ordinal))
            {
                var (entry, fileProblems) = ReadFile(file);
                if (entry is not null)
                {
                    entries[entry.Name] = entry;
                }
                if (fileProblems.Count > 0)
                {
                    problems.Add($"{file}: {string.Join("; ", fileProblems)}");
                }
            }
        }
        return new ApplicationCatalog(entries.Values.ToList(), problems);
    }

    public static bool IsCatalogFile(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static (CatalogEntry? Entry, IReadOnlyList<string> Problems) ReadFile(string file)
    {
        try
        {
            var entry = Reader.Deserialize<CatalogEntry>(File.ReadAllText(file));
            if (entry is null)
            {
                return (null, ["the file is empty"]);
            }
            entry.Source = file;
            if (string.IsNullOrWhiteSpace(entry.DisplayName))
            {
                entry.DisplayName = entry.Name;
            }
            var problems = CatalogEntryValidator.Problems(entry);
            return problems.Count == 0 ? (entry, []) : (null, problems);
        }
        catch (Exception error) when (error is YamlException or IOException or UnauthorizedAccessException)
        {
            return (null, [error.Message]);
        }
    }
}
