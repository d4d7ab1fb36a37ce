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
/// <paramref name="PublishedBy"/> are the Stowage app ids that publish it (none for a command: other systems send those).
/// A command, or an event with <paramref name="Protected"/>, is a protected topic: only app ids the component grants it
/// may publish or receive it.
/// </summary>
public sealed record TopicContract(string Topic, Type Message, TopicRole Role, string? Reply = null, IReadOnlyList<string>? PublishedBy = null,
    bool Protected = false)
{
    public IReadOnlyList<string> Publishers => PublishedBy ?? [];

    public bool IsProtected => Protected || Role == TopicRole.Command;
}

/// <summary>
/// Every topic and what it carries: docs/asyncapi.yaml is generated from this list and the records' shapes, and a test
/// checks that every constant of the *Topics classes is here.
/// </summary>
public static class TopicCatalog
{
    public static readonly IReadOnlyList<TopicContract> All =
    [
        new(DiscoveryTopics.ApplicationDiscovered, typeof(ApplicationDiscovered), TopicRole.Event, PublishedBy: [AppIds.Discovery]),
        new(DiscoveryTopics.ApplicationChanged, typeof(ApplicationChanged), TopicRole.Event, PublishedBy: [AppIds.Discovery]),
        new(DiscoveryTopics.ApplicationRemoved, typeof(ApplicationRemoved), TopicRole.Event, PublishedBy: [AppIds.Discovery]),
        new(PolicyTopics.Created, typeof(PolicyCreated), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Changed, typeof(PolicyChanged), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Paused, typeof(PolicyPaused), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Resumed, typeof(PolicyResumed), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Orphaned, typeof(PolicyOrphaned), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Adopted, typeof(PolicyAdopted), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(PolicyTopics.Deleted, typeof(PolicyDeleted), TopicRole.Event, PublishedBy: [AppIds.Policy]),
        new(BackupTopics.Command, typeof(BackupCommand), TopicRole.Command, Reply: BackupTopics.Finished),
        new(BackupTopics.Requested, typeof(BackupRequested), TopicRole.Event, PublishedBy: [AppIds.Scheduler]),
        new(BackupTopics.Progress, typeof(BackupProgressed), TopicRole.Event, PublishedBy: [AppIds.Mover]),
        new(BackupTopics.Finished, typeof(BackupFinished), TopicRole.Event, PublishedBy: [AppIds.Mover, AppIds.Scheduler]),
        new(RestoreTopics.Command, typeof(RestoreCommand), TopicRole.Command, Reply: RestoreTopics.Finished),
        // Protected: the restore it asks for runs as the commands identity, so only the scheduler may send it and only
        // the restore service may read it, whatever app ids load the component.
        new(RestoreTopics.Requested, typeof(RestoreRequested), TopicRole.Event, PublishedBy: [AppIds.Scheduler], Protected: true),
        new(RestoreTopics.Finished, typeof(RestoreFinished), TopicRole.Event, PublishedBy: [AppIds.Restore, AppIds.Scheduler]),
    ];

    /// <summary>
    /// The pub/sub component's publishingScopes: each Stowage app id may publish only the topics it publishes (the
    /// console none), and each of <paramref name="commandPublishers"/> only the commands.
    /// </summary>
    public static string PublishingScopes(IEnumerable<string> commandPublishers)
    {
        var commands = string.Join(',', All.Where(t => t.Role == TopicRole.Command).Select(t => t.Topic));
        return string.Join(';', commandPublishers.Select(app => $"{app}={commands}")
            .Concat(AppIds.All.Select(app => $"{app}={string.Join(',', All.Where(t => t.Publishers.Contains(app)).Select(t => t.Topic))}")));
    }

    /// <summary>The component's protectedTopics: only the app ids publishingScopes and subscriptionScopes grant one may use it.</summary>
    public static string ProtectedTopics => string.Join(',', All.Where(t => t.IsProtected).Select(t => t.Topic));
}
