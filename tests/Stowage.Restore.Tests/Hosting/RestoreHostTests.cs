using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Contracts;
using Stowage.Contracts.Restores;
using Stowage.Testing.Hosting;

namespace Stowage.Restore.Tests.Hosting;

public sealed class RestoreHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Restore";

    // The restore service starts restores through its HTTP API, and those restore commands ask for through the scheduler.
    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions => [(DaprComponents.PubSub, RestoreTopics.Requested)];
}
