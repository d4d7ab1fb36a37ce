using Microsoft.AspNetCore.Mvc.Testing;
using Stowage.Testing.Hosting;

namespace Stowage.Scheduler.Tests.Hosting;

public sealed class SchedulerHostTests(WebApplicationFactory<Program> factory) : ServiceHostContract<Program>(factory)
{
    protected override string ServiceName => "Stowage.Scheduler";
}
