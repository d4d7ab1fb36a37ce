using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stowage.Common.Kubernetes;
using Stowage.Common.Targets;
using Microsoft.Extensions.Logging;
using Stowage.Mover.Runtime.ChangedBlocks;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Jobs;
using Stowage.Mover.Runtime.Repositories;
using Stowage.Mover.Runtime.Resources;
using Stowage.Mover.Runtime.Snapshots;
using Stowage.Mover.Runtime.Volumes;

namespace Stowage.Mover.Runtime;

/// <summary>What the mover and restore services share: repositories, volume access, hooks, cluster resources.</summary>
public static class MoverRuntimeRegistration
{
    public static IServiceCollection AddMoverRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MoverOptions>(configuration.GetSection(MoverOptions.Section));
        if (KubernetesConnection.TryCreate(configuration) is { } kubernetes)
        {
            services.AddSingleton(kubernetes);
            services.AddSingleton<ResourceCollector>();
            services.AddSingleton<CsiSnapshotCloner>();
        }
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICredentialsResolver>(sp => new CredentialsResolver(configuration, sp.GetService<IKubernetes>()));
        services.AddTargetAddressPolicy(configuration);
        services.AddSingleton<RepositoryOpener>();
        services.Configure<VolumeJobSettings>(configuration.GetSection($"{MoverOptions.Section}:Jobs"));
        services.AddSingleton<IVolumeLocator, DirectoryVolumeLocator>();
        services.AddSingleton<IVolumeDataPath>(sp => DataPathOf(sp) switch
        {
            DataPaths.Local => ActivatorUtilities.CreateInstance<FolderDataPath>(sp),
            DataPaths.Jobs => new JobDataPath(
                new VolumeJobRunner(RequireKubernetes(sp), sp.GetRequiredService<IOptions<VolumeJobSettings>>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<VolumeJobRunner>>()),
                new ClaimUsers(RequireKubernetes(sp)), sp.GetRequiredService<ICredentialsResolver>(), sp.GetRequiredService<IOptions<MoverOptions>>(),
                new ChangedBlockPlanner(new SnapshotMetadataDiscovery(RequireKubernetes(sp)), sp.GetRequiredService<IOptions<MoverOptions>>())),
            var other => throw new InvalidOperationException($"Mover:DataPath '{other}' is not one of '{DataPaths.Jobs}' or '{DataPaths.Local}'."),
        });
        services.AddSingleton<IHookRunner>(sp => sp.GetRequiredService<IOptions<MoverOptions>>().Value.HookMode == "local"
            ? new LocalHookRunner()
            : new KubernetesHookRunner(RequireKubernetes(sp)));
        return services;
    }

    private static IKubernetes RequireKubernetes(IServiceProvider services) =>
        services.GetService<IKubernetes>()
        ?? throw new InvalidOperationException("No Kubernetes API is reachable: set Kubernetes:Url, run in a cluster, or use Mover:HookMode=local and Mover:DataPath=local.");

    private static string DataPathOf(IServiceProvider services) => services.GetRequiredService<IOptions<MoverOptions>>().Value.DataPath;
}
