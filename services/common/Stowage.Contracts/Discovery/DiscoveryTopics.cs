namespace Stowage.Contracts.Discovery;

/// <summary>Pub/sub topics the discovery service publishes on (component <see cref="DaprComponents.PubSub"/>).</summary>
public static class DiscoveryTopics
{
    /// <summary>Carries <see cref="ApplicationDiscovered"/>.</summary>
    public const string ApplicationDiscovered = "discovery.application-discovered";

    /// <summary>Carries <see cref="ApplicationChanged"/>.</summary>
    public const string ApplicationChanged = "discovery.application-changed";

    /// <summary>Carries <see cref="ApplicationRemoved"/>.</summary>
    public const string ApplicationRemoved = "discovery.application-removed";
}
