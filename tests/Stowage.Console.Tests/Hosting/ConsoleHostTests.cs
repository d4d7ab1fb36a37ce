extern alias console;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Testing.Hosting;

namespace Stowage.Console.Tests.Hosting;

// Single-user access: the host needs no Kubernetes API to start. (The parent factory disposes the derived one.)
public sealed class ConsoleHostTests(WebApplicationFactory<console::Program> factory)
    : ServiceHostContract<console::Program>(factory.WithWebHostBuilder(web => web.UseSetting("Console:Access", "single-user")))
{
    protected override string ServiceName => "Stowage.Console";

    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions =>
    [
        .. new[]
        {
            DiscoveryTopics.ApplicationDiscovered, DiscoveryTopics.ApplicationChanged, DiscoveryTopics.ApplicationRemoved,
            PolicyTopics.Created, PolicyTopics.Changed, PolicyTopics.Paused, PolicyTopics.Resumed, PolicyTopics.Orphaned,
            PolicyTopics.Adopted, PolicyTopics.Deleted,
            BackupTopics.Requested, BackupTopics.Progress, BackupTopics.Finished, RestoreTopics.Finished,
        }.Select(topic => (DaprComponents.PubSub, topic)),
    ];
}
