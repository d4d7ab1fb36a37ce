using Dapr.Workflow;

namespace Stowage.Scheduler.Extensions;

internal static class SchedulerServiceExtensions
{
    public static WebApplicationBuilder AddSchedulerService(this WebApplicationBuilder builder)
    {
        builder.Services.AddDaprWorkflow(_ => { });
        return builder;
    }

    public static WebApplication MapSchedulerEndpoints(this WebApplication app) => app;
}
