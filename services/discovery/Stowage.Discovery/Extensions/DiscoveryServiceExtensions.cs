using k8s;
using Microsoft.Extensions.Options;
using Stowage.Discovery.Api;
using Stowage.Discovery.Domain.Inventory;
using Stowage.Discovery.Observability;
using Stowage.Discovery.Publishing;
using Stowage.Common.Kubernetes;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Extensions;

internal static class DiscoveryServiceExtensions
{
    public static WebApplicationBuilder AddDiscoveryService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscoveryOptions>().Bind(builder.Configuration.GetSection(DiscoveryOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterInventory>();
        services.AddSingleton<ApplicationRegistry>();
        services.AddSingleton<DiscoveryStatusBoard>();
        services.AddSingleton<DiscoveryTelemetry>();
        services.AddSingleton<CatalogProvider>();
        services.AddSingleton<ApplicationAnnouncer>();
        services.AddSingleton<AnnouncedStateKeeper>();
        services.AddSingleton<DiscoveryReconciler>();
        services.AddSingleton<IApplicationEventPublisher, DaprApplicationEventPublisher>();
        services.AddSingleton<IAnnouncedApplicationStore, DaprAnnouncedApplicationStore>();
        services.AddSingleton<Func<IKubernetes>>(() => KubernetesConnection.TryCreate(builder.Configuration)
            ?? throw new InvalidOperationException("Discovery needs a Kubernetes API: set Kubernetes:Url, run in a cluster, or provide a kubeconfig."));
        services.AddHostedService<DiscoveryWorker>();
        return builder;
    }

    public static WebApplication MapDiscoveryEndpoints(this WebApplication app)
    {
        app.MapApplicationEndpoints();
        return app;
    }
}
