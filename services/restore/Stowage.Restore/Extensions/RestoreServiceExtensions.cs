using Dapr.Workflow;
using FluentValidation;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Restore.Activities;
using Stowage.Restore.Api;
using Stowage.Restore.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Extensions;

internal static class RestoreServiceExtensions
{
    public static WebApplicationBuilder AddRestoreService(this WebApplicationBuilder builder)
    {
        builder.Services.AddMoverRuntime(builder.Configuration);
        builder.Services.AddValidatorsFromAssemblyContaining<RestoreWorkflow>(includeInternalTypes: true);
        builder.Services.AddSingleton<PlanAuthorization>();
        builder.Services.Configure<CommandsOptions>(builder.Configuration.GetSection(CommandsOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunLookup>();
        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<RestoreWorkflow>();
            options.RegisterActivity<LoadRunActivity>();
            options.RegisterActivity<FindConflictsActivity>();
            options.RegisterActivity<RecreateResourcesActivity>();
            options.RegisterActivity<RestoreVolumeActivity>();
            options.RegisterActivity<RunHooksActivity>();
            options.RegisterActivity<PublishRestoreFinishedActivity>();
        });
        return builder;
    }

    public static WebApplication MapRestoreEndpoints(this WebApplication app)
    {
        app.MapRestoreApi();
        app.MapRestoreRequests();
        return app;
    }
}
