namespace Stowage.LocalSidecar.PubSub;

/// <summary>
/// How often and how patiently an event is offered to an app before it goes to the dead-letter topic or is dropped:
/// at most <paramref name="MaxAttempts"/> failed answers, waiting <paramref name="InitialBackoff"/> doubled after each,
/// up to <paramref name="MaxBackoff"/>. While the app does not listen at all, attempts are not used up.
/// </summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    /// <summary>20 attempts, 100 ms doubling up to 5 s.</summary>
    public static DeliveryPolicy Default { get; } = new(20, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    /// <summary>The wait after the given failed attempt (counted from 1).</summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1)));
}
