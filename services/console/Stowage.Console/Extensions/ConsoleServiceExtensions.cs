using Stowage.Common.Kubernetes;
using Stowage.Console.Access;
using Stowage.Console.Api;
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
        foreach (var name in StowageServices.Names)
        {
            services.AddHttpClient(name, (sp, client) =>
            {
                var url = configuration[$"Console:Services:{name}"] ?? throw new InvalidOperationException($"Console:Services:{name} (the {name.ToLowerInvariant()} service's address) is not configured.");
                client.BaseAddress = new Uri(url);
                client.Timeout = TimeSpan.FromSeconds(60);
            });
        }
        if (string.Equals(configuration["Console:Access"], "single-user", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IViewerAccess, SingleUserAccess>();
        }
        else
        {
            services.AddKubernetesIfAvailable(configuration);
            services.AddSingleton<IViewerAccess, KubernetesViewerAccess>();
        }
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
        return app;
    }
}
