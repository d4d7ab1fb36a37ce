using Microsoft.Extensions.Logging;

namespace Stowage.Discovery.Observability;

internal static partial class DiscoveryLog
{
    [LoggerMessage(1, LogLevel.Information, "Listed {Count} {Kind} in {Scope} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(this ILogger logger, int count, string kind, string scope, string resourceVersion);

    [LoggerMessage(2, LogLevel.Information, "Watch of {Kind} in {Scope} expired (410 Gone) at resourceVersion {ResourceVersion}; listing again")]
    public static partial void WatchExpired(this ILogger logger, string kind, string scope, string? resourceVersion);

    [LoggerMessage(3, LogLevel.Warning, "Watch of {Kind} in {Scope} failed; retrying in {Delay}")]
    public static partial void WatchFailed(this ILogger logger, Exception error, string kind, string scope, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Warning, "Not allowed to read {Kind} in {Scope} ({Reason}); the rest of discovery goes on, retrying in {Delay}")]
    public static partial void ScopeDenied(this ILogger logger, string kind, string scope, string reason, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Skipped an unreadable object: {Problem}")]
    public static partial void UnreadableObject(this ILogger logger, string problem);

    [LoggerMessage(6, LogLevel.Information, "Application {ApplicationId} {Change} as {Kind} (hash {ContentHash})")]
    public static partial void ApplicationAnnounced(this ILogger logger, string applicationId, string change, string kind, string contentHash);

    [LoggerMessage(7, LogLevel.Error, "Publishing {Change} for application {ApplicationId} failed; it is retried on the next pass")]
    public static partial void PublishFailed(this ILogger logger, Exception error, string change, string applicationId);

    [LoggerMessage(8, LogLevel.Warning, "Catalog file skipped: {Problem}")]
    public static partial void CatalogProblem(this ILogger logger, string problem);

    [LoggerMessage(9, LogLevel.Information, "Catalog loaded: {Count} kinds ({Kinds}) plus generic '{Generic}'")]
    public static partial void CatalogLoaded(this ILogger logger, int count, string kinds, string generic);

    [LoggerMessage(10, LogLevel.Error, "Cannot reach a Kubernetes API server; discovery is idle")]
    public static partial void NoCluster(this ILogger logger, Exception error);

    [LoggerMessage(12, LogLevel.Warning, "Could not read the announced applications from the state store; announcing every application as discovered")]
    public static partial void AnnouncedStateUnavailable(this ILogger logger, Exception error);

    [LoggerMessage(13, LogLevel.Warning, "Could not save the announced applications; retrying after the next pass")]
    public static partial void AnnouncedStateNotSaved(this ILogger logger, Exception error);

    [LoggerMessage(14, LogLevel.Information, "Resumed with {Count} applications announced before the restart")]
    public static partial void AnnouncedStateRestored(this ILogger logger, int count);

    [LoggerMessage(15, LogLevel.Error, "Describing applications failed; trying again shortly")]
    public static partial void ReconcileFailed(this ILogger logger, Exception error);

    [LoggerMessage(11, LogLevel.Debug, "Watch of {Kind} in {Scope} ended; resuming from resourceVersion {ResourceVersion}")]
    public static partial void WatchEnded(this ILogger logger, string kind, string scope, string? resourceVersion);
}
