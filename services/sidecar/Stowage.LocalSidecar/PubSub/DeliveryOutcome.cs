namespace Stowage.LocalSidecar.PubSub;

internal enum DeliveryOutcome
{
    Success,
    Retry,
    Drop,
}
