using Dapr.Workflow;

namespace Stowage.Mover.Extensions;

internal static class MoverServiceExtensions
{
    public static WebApplicationBuilder AddMoverService(this WebApplicationBuilder builder)
    {
        builder.Services.AddDaprWorkflow(_ => { });
        return builder;
    }

    public static WebApplication MapMoverEndpoints(this WebApplication app) => app;
}
