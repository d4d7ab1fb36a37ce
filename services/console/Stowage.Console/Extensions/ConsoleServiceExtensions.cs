using Stowage.Common.Kubernetes;
using Stowage.Console.Access;
using Stowage.Console.Api;
using Stowage.Console.FrontDoor;
using Stowage.Console.Pages;
using Stowage.Console.Projections;
using Stowage.Console.Services;
using Stowage.Console.Subscriptions;

namespace Stowage.Console.Extensions;

internal static class ConsoleServiceExtensions
{
    public static WebApplicationBuilder AddConsoleService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProtectionViews>();
        services.AddHttpContextAccessor();
        services.AddScoped<ViewerContext>();
        services.AddSingleton<StowageServices>();
        services.AddSingleton<ConsoleActions>();
        services.Configure<ConsoleOptions>(configuration.GetSection("Console"));
        // Through the sidecar (Dapr service invocation), like the front door; Console:Services:{Name} names an address instead.
        foreach (var name in StowageServices.Names)
        {
            services.AddHttpClient(name, (sp, client) =>
            {
                var invocation = sp.GetRequiredService<SidecarInvocation>();
                var address = configuration[$"Console:Services:{name}"] is { Length: > 0 } url ? new Uri(url) : invocation.MethodsOf($"stowage-{name.ToLowerInvariant()}");
                client.BaseAddress = new Uri(address.ToString().TrimEnd('/') + "/");
                if (invocation.ApiToken is { } token && address.AbsolutePath.StartsWith("/v1.0/invoke/", StringComparison.Ordinal)) client.DefaultRequestHeaders.Add(SidecarInvocation.TokenHeader, token);
                client.Timeout = TimeSpan.FromSeconds(60);
            });
        }
        if (string.Equals(configuration["Console:Access"], "single-user", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IViewerAccess, SingleUserAccess>();
        }
        else
        {
            services.AddSingleton<IViewerAccess, KubernetesViewerAccess>();
        }
        services.AddFrontDoor(configuration);
        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new SignInRequiredFilter()));
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapProtectionApi();
        app.MapProtectionSubscriptions();
        app.MapFrontDoor();
        return app;
    }
}
