namespace Stowage.Common.Messaging;

/// <summary>
/// The record of one integration event at one consumer: being handled by the delivery <paramref name="Owner"/> since
/// <paramref name="At"/>, or handled.
/// </summary>
internal sealed record EventClaim(EventClaimState State, string Owner, DateTimeOffset At);

internal enum EventClaimState
{
    Claimed,
    Handled,
}
