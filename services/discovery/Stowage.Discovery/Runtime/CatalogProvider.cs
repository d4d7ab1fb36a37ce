using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Observability;

namespace Stowage.Discovery.Runtime;

/// <summary>
/// The current catalog: the built-in files shipped in <c>catalog/</c> next to the service, then the configured folders.
/// Dropping, changing or deleting a file in a configured folder reloads the catalog while the service runs.
/// </summary>
internal sealed class CatalogProvider : IDisposable
{
    private readonly DiscoveryOptions options;
    private readonly DiscoveryStatusBoard board;
    private readonly ILogger<CatalogProvider> logger;
    private readonly List<FileSystemWatcher> folderWatchers = [];
    private readonly Lock reloadGate = new();
    private ApplicationCatalog current = ApplicationCatalog.Empty;

    public CatalogProvider(IOptions<DiscoveryOptions> options, DiscoveryStatusBoard board, ILogger<CatalogProvider> logger)
    {
        this.options = options.Value;
        this.board = board;
        this.logger = logger;
        Reload();
    }

    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "catalog");

    /// <summary>Raised after the catalog was reloaded from disk.</summary>
    public event Action? Changed;

    public ApplicationCatalog Current => Volatile.Read(ref current);

    public void StartWatchingFolders()
    {
        foreach (var folder in options.CatalogDirectories.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, EnableRaisingEvents = true };
            watcher.Created += OnFolderChanged;
            watcher.Changed += OnFolderChanged;
            watcher.Deleted += OnFolderChanged;
            watcher.Renamed += OnFolderChanged;
            folderWatchers.Add(watcher);
        }
    }

    public void Reload()
    {
        // File events arrive in bursts on several threads; one reload at a time means the last one reads the last state.
        lock (reloadGate)
        {
            var loaded = CatalogLoader.Load(new[] { BuiltInFolder }.Concat(options.CatalogDirectories));
            foreach (var problem in loaded.Problems)
            {
                logger.CatalogProblem(problem);
            }
            board.CatalogProblems = loaded.Problems;
            logger.CatalogLoaded(loaded.Specific.Count, string.Join(", ", loaded.Specific.Select(entry => entry.Name)), loaded.Generic.Name);
            Volatile.Write(ref current, loaded);
        }
        Changed?.Invoke();
    }

    public void Dispose()
    {
        foreach (var watcher in folderWatchers)
        {
            watcher.Dispose();
        }
    }

    private void OnFolderChanged(object sender, FileSystemEventArgs change)
    {
        if (CatalogLoader.IsCatalogFile(change.FullPath))
        {
            Reload();
        }
    }
}
