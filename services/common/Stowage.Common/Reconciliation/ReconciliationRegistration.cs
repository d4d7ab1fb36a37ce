using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stowage.Common.Hosting;

namespace Stowage.Common.Reconciliation;

public static class ReconciliationRegistration
{
    /// <summary>Adds a reconciler to the service's loop (started once, whatever the number of reconcilers) and to /readyz.</summary>
    public static IServiceCollection AddReconciler<TReconciler>(this IServiceCollection services, IConfiguration configuration)
        where TReconciler : class, IReconciler
    {
        services.AddSingleton<TReconciler>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<TReconciler>());
        if (services.Any(s => s.ServiceType == typeof(ReconciliationStatus))) return services;

        services.Configure<ReconciliationOptions>(configuration.GetSection(ReconciliationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReconciliationStatus>();
        services.AddHostedService<ReconciliationLoop>();
        services.AddHealthChecks().AddCheck<ReconciliationHealthCheck>("reconciliation", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
