using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Testing.Hosting;

namespace Stowage.Mover.Tests.Hosting;

public sealed class MoverHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Mover";

    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions =>
    [
        (DaprComponents.PubSub, BackupTopics.Requested),
        (DaprComponents.PubSub, BackupTopics.Progress),
        (DaprComponents.PubSub, BackupTopics.Finished),
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered),
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged),
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved),
    ];
}
