using Dapr.Workflow;
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
        builder.Services.AddSingleton<ScheduleCoordinator>();
        return builder;
    }

    public static WebApplication MapSchedulerEndpoints(this WebApplication app)
    {
        app.MapPolicySubscriptions();
        app.MapScheduleApi();
        return app;
    }
}
