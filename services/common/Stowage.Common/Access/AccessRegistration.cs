using k8s;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stowage.Common.Kubernetes;

namespace Stowage.Common.Access;

/// <summary>
/// Every endpoint needs an authenticated caller unless it says otherwise (health probes, the OpenAPI document, and the
/// sidecar-only routes, which <see cref="Messaging.SidecarOnlyRoutes"/> guards with the app token).
/// </summary>
public static class AccessRegistration
{
    public static IServiceCollection AddStowageAccess(this IServiceCollection services, IConfiguration configuration, bool requireCallers = true)
    {
        services.Configure<AccessOptions>(configuration.GetSection("Access"));
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddKubernetesIfAvailable(configuration);
        services.TryAddSingleton<IAccessReview>(provider => provider.GetService<IKubernetes>() is { } kubernetes
            ? ActivatorUtilities.CreateInstance<KubernetesAccessReview>(provider, kubernetes)
            : new NoClusterAccessReview());
        services.AddScoped<CallerAccess>();
        services.AddSingleton<CredentialsPlacement>();
        services.AddExceptionHandler<AccessExceptionHandler>();
        if (!requireCallers) return services;
        services.AddSingleton<CallersRequired>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).RequireAuthenticatedUser().Build());
        return services;
    }

    public static WebApplication UseStowageAccess(this WebApplication app)
    {
        if (app.Services.GetService<CallersRequired>() is null) return app;
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Marks a host whose every endpoint needs a caller (all but the console).</summary>
    private sealed class CallersRequired;
}
