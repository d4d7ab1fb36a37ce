namespace Stowage.Discovery.Runtime;

/// <summary>Configuration section <c>Discovery</c>.</summary>
internal sealed class DiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>Namespaces to watch; empty means all namespaces (which needs cluster-wide list and watch rights).</summary>
    public List<string> Namespaces { get; set; } = [];

    /// <summary>Folders of extra catalog files, read after the built-in catalog; watched for changes.</summary>
    public List<string> CatalogDirectories { get; set; } = [];

    /// <summary>How long to let a burst of watch events settle before describing applications again.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First wait after a failed list or watch; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before asking again for a kind or namespace the API server refused (403) or does not serve (404).</summary>
    public TimeSpan DeniedRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
