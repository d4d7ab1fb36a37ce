using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Testing.Hosting;

namespace Stowage.Restore.Tests.Hosting;

public sealed class RestoreHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Restore";

    // The restore service starts restores through its HTTP API and workflows; it subscribes to nothing.
    protected override IReadOnlyCollection<(string PubSub, string Topic)> Subscriptions => [];
}
