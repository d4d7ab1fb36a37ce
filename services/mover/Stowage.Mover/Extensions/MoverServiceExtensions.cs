using Dapr.Workflow;
using Stowage.Common.Reconciliation;
using Stowage.Mover.Activities;
using Stowage.Mover.Api;
using Stowage.Mover.Applications;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runs;
using Stowage.Mover.Snapshots;
using Stowage.Mover.Subscriptions;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Extensions;

internal static class MoverServiceExtensions
{
    public static WebApplicationBuilder AddMoverService(this WebApplicationBuilder builder)
    {
        builder.Services.AddMoverRuntime(builder.Configuration);
        builder.Services.AddSingleton<ApplicationDirectory>();
        builder.Services.AddSingleton<RunHistory>();
        builder.Services.AddSingleton<SnapshotSource>();
        builder.Services.AddHostedService<ScratchSweeper>();
        builder.Services.AddSingleton<RunningCopies>();
        builder.Services.AddReconciler<LostRunCloser>(builder.Configuration);
        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<BackupWorkflow>();
            options.RegisterActivity<PlanRunActivity>();
            options.RegisterActivity<RunHooksActivity>();
            options.RegisterActivity<CopyVolumeActivity>();
            options.RegisterActivity<RecordRunActivity>();
            options.RegisterActivity<ApplyRetentionActivity>();
            options.RegisterActivity<PublishFinishedActivity>();
        });
        return builder;
    }

    public static WebApplication MapMoverEndpoints(this WebApplication app)
    {
        app.MapMoverSubscriptions();
        app.MapRunApi();
        return app;
    }
}
