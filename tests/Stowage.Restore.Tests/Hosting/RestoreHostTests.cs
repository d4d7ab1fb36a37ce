using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Testing.Hosting;

namespace Stowage.Restore.Tests.Hosting;

public sealed class RestoreHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Restore";
}
