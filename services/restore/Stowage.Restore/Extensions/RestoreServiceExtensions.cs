using Dapr.Workflow;

namespace Stowage.Restore.Extensions;

internal static class RestoreServiceExtensions
{
    public static WebApplicationBuilder AddRestoreService(this WebApplicationBuilder builder)
    {
        builder.Services.AddDaprWorkflow(_ => { });
        return builder;
    }

    public static WebApplication MapRestoreEndpoints(this WebApplication app) => app;
}
