namespace Stowage.Contracts.Discovery;

/// <summary>The backup policy discovery suggests for a kind; the user's policy decides.</summary>
/// <param name="Cron">A five-field cron expression, when the suggestion is a calendar schedule.</param>
/// <param name="Interval">An interval between backups, when the suggestion is periodic.</param>
/// <param name="KeepLast">How many backups to keep.</param>
public sealed record SuggestedPolicy(string? Cron, TimeSpan? Interval, int KeepLast);
