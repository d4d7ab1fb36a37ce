using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Testing.Hosting;

namespace Stowage.Scheduler.Tests.Hosting;

public sealed class SchedulerHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Scheduler";

    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions =>
    [
        (DaprComponents.PubSub, PolicyTopics.Created),
        (DaprComponents.PubSub, PolicyTopics.Changed),
        (DaprComponents.PubSub, PolicyTopics.Paused),
        (DaprComponents.PubSub, PolicyTopics.Resumed),
        (DaprComponents.PubSub, PolicyTopics.Deleted),
        (DaprComponents.PubSub, BackupTopics.Finished),
        (DaprComponents.PubSub, BackupTopics.Command),
        (DaprComponents.PubSub, RestoreTopics.Command),
    ];
}
