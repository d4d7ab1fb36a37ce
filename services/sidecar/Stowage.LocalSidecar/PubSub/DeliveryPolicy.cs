namespace Stowage.LocalSidecar.PubSub;

/// How often and how patiently an event is offered to an app before it is dead-lettered or dropped.
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    public static DeliveryPolicy Default { get; } = new(20, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1)));
}
