using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Stowage.Common.Access;
using Stowage.Common.EventSourcing;
using Stowage.Common.Messaging;
using Stowage.Common.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Stowage.Common.Hosting;

/// <summary>The wiring every Stowage service shares: Dapr, telemetry, health, problem details, OpenAPI, authentication.</summary>
public static class ServiceDefaults
{
    /// <param name="requireCallers">
    /// Every endpoint needs a caller authenticated by bearer token (see <see cref="AccessRegistration"/>); the console
    /// passes false because its pages authenticate the same token from its sign-in cookie themselves.
    /// </param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, bool requireCallers = true)
    {
        builder.Services.AddDaprClient(dapr => dapr.UseJsonSerializationOptions(EventJson.Options));
        builder.Services.AddControllers().AddDapr();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton<IEventPublisher, DaprEventPublisher>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddStowageAccess(builder.Configuration, requireCallers);
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        CamelCasePropertyNames.Use();
        builder.Services.AddOpenApi();
        builder.AddStowageTelemetry(serviceName);
        builder.Services.AddStowageHealthChecks();
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SidecarOnlyRoutes>();
        app.UseCloudEvents();
        app.UseStowageAccess();
        app.MapSubscribeHandler().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapStowageHealthChecks();
        return app;
    }
}
