namespace Stowage.LocalSidecar.Tests.PubSub;

internal sealed record OrderPlaced(string OrderId);
