namespace Stowage.Contracts;

/// <summary>Names of the Dapr components every service uses; the files in components/ declare them.</summary>
public static class DaprComponents
{
    /// <summary>The pub/sub component that carries every integration event.</summary>
    public const string PubSub = "pubsub";

    /// <summary>The state store holding event streams and workflow state (actorStateStore: true).</summary>
    public const string StateStore = "statestore";
}
