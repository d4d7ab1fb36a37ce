using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Testing.Hosting;

namespace Stowage.Policy.Tests.Hosting;

public sealed class PolicyHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Policy";
}
