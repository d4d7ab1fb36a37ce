using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;
using Stowage.Testing.Hosting;

namespace Stowage.Policy.Tests.Hosting;

public sealed class PolicyHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Policy";

    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions =>
    [
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationDiscovered),
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationChanged),
        (DaprComponents.PubSub, DiscoveryTopics.ApplicationRemoved),
    ];
}
