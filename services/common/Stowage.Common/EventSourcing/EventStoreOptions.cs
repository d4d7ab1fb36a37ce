using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

/// <summary>Where one category of streams lives and which topic each of its events goes to (on the pub/sub of <see cref="Messaging.IEventPublisher"/>).</summary>
public sealed record EventStoreOptions(string Category, Func<IIntegrationEvent, string> TopicOf)
{
    public string StateStore { get; init; } = DaprComponents.StateStore;

    /// <summary>How long the background publisher waits after a failed round, doubled after each further one up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the background publisher looks at every stream in the catalog (and once at start), for events that another
    /// replica, or this one before a crash, committed but never published.
    /// </summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after <paramref name="failedRounds"/> failed rounds in a row (counted from 1).</summary>
    public TimeSpan RetryDelayAfter(int failedRounds) =>
        TimeSpan.FromTicks((long)Math.Min(MaxRetryDelay.Ticks, InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(failedRounds - 1, 62))));
}
