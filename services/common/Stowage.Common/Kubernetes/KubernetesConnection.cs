using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Stowage.Common.Kubernetes;

/// <summary>
/// The Kubernetes API a service talks to: "Kubernetes:Url" when configured (a proxy, or the test API server; with
/// "Kubernetes:Token" as the service account's bearer token there),
/// else the in-cluster service account, else the user's kubeconfig; none when there is no cluster at all.
/// </summary>
public static class KubernetesConnection
{
    public static IKubernetes? TryCreate(IConfiguration configuration)
    {
        if (configuration["Kubernetes:Url"] is { Length: > 0 } url)
        {
            return new k8s.Kubernetes(new KubernetesClientConfiguration { Host = url, AccessToken = configuration["Kubernetes:Token"] });
        }
        if (KubernetesClientConfiguration.IsInCluster())
        {
            return new k8s.Kubernetes(KubernetesClientConfiguration.InClusterConfig());
        }
        var kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(kubeconfig) ? new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)) : null;
    }

    /// <summary>Registers <see cref="IKubernetes"/> when a cluster can be reached; services that need one check for it.</summary>
    public static IServiceCollection AddKubernetesIfAvailable(this IServiceCollection services, IConfiguration configuration)
    {
        if (TryCreate(configuration) is { } kubernetes) services.TryAddSingleton(kubernetes);
        return services;
    }
}
