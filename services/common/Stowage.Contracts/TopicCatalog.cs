using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;

namespace Stowage.Contracts;

/// <summary>Whether Stowage publishes a topic's messages (an event) or receives them from other systems (a command).</summary>
public enum TopicRole
{
    Event,
    Command,
}

/// <summary>
/// One topic of the pub/sub component <see cref="DaprComponents.PubSub"/> and the one record it carries; a command names
/// the topic of its answer (<paramref name="Reply"/>), whose message carries the command's correlation id.
/// </summary>
public sealed record TopicContract(string Topic, Type Message, TopicRole Role, string? Reply = null);

/// <summary>
/// Every topic and what it carries: docs/asyncapi.yaml is generated from this list and the records' shapes, and a test
/// checks that every constant of the *Topics classes is here.
/// </summary>
public static class TopicCatalog
{
    public static readonly IReadOnlyList<TopicContract> All =
    [
        new(DiscoveryTopics.ApplicationDiscovered, typeof(ApplicationDiscovered), TopicRole.Event),
        new(DiscoveryTopics.ApplicationChanged, typeof(ApplicationChanged), TopicRole.Event),
        new(DiscoveryTopics.ApplicationRemoved, typeof(ApplicationRemoved), TopicRole.Event),
        new(PolicyTopics.Created, typeof(PolicyCreated), TopicRole.Event),
        new(PolicyTopics.Changed, typeof(PolicyChanged), TopicRole.Event),
        new(PolicyTopics.Paused, typeof(PolicyPaused), TopicRole.Event),
        new(PolicyTopics.Resumed, typeof(PolicyResumed), TopicRole.Event),
        new(PolicyTopics.Orphaned, typeof(PolicyOrphaned), TopicRole.Event),
        new(PolicyTopics.Adopted, typeof(PolicyAdopted), TopicRole.Event),
        new(PolicyTopics.Deleted, typeof(PolicyDeleted), TopicRole.Event),
        new(BackupTopics.Command, typeof(BackupCommand), TopicRole.Command, Reply: BackupTopics.Finished),
        new(BackupTopics.Requested, typeof(BackupRequested), TopicRole.Event),
        new(BackupTopics.Progress, typeof(BackupProgressed), TopicRole.Event),
        new(BackupTopics.Finished, typeof(BackupFinished), TopicRole.Event),
        new(RestoreTopics.Command, typeof(RestoreCommand), TopicRole.Command, Reply: RestoreTopics.Finished),
        new(RestoreTopics.Requested, typeof(RestoreRequested), TopicRole.Event),
        new(RestoreTopics.Finished, typeof(RestoreFinished), TopicRole.Event),
    ];
}
