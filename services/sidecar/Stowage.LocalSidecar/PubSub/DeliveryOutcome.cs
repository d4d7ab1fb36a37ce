namespace Stowage.LocalSidecar.PubSub;

internal enum DeliveryOutcome
{
    Success,
    Retry,
    Drop,

    /// The app is not listening (not started yet, or restarting); this does not use up an attempt.
    Unreachable,
}
