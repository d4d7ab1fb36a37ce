using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Testing.Hosting;

namespace Stowage.Mover.Tests.Hosting;

public sealed class MoverHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Mover";
}
