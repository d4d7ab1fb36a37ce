using Dapr.Workflow;
using Stowage.Common.Reconciliation;
using Stowage.Scheduler.Policies;
using Stowage.Scheduler.Activities;
using Stowage.Scheduler.Api;
using Stowage.Scheduler.Schedules;
using Stowage.Scheduler.Subscriptions;
using Stowage.Scheduler.Workflows;

namespace Stowage.Scheduler.Extensions;

internal static class SchedulerServiceExtensions
{
    public static WebApplicationBuilder AddSchedulerService(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<PolicyScheduleWorkflow>();
            options.RegisterActivity<RequestBackupActivity>();
        });
        builder.Services.Configure<SchedulerOptions>(builder.Configuration.GetSection(SchedulerOptions.Section));
        builder.Services.AddSingleton<ScheduledPolicyStore>();
        builder.Services.AddSingleton<ScheduleCoordinator>();
        builder.Services.AddReconciler<PolicyScheduleReconciler>(builder.Configuration);
        return builder;
    }

    public static WebApplication MapSchedulerEndpoints(this WebApplication app)
    {
        app.MapPolicySubscriptions();
        app.MapScheduleApi();
        return app;
    }
}
