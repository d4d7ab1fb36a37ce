using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Grpc;
using Stowage.LocalSidecar.Invocation;
using Stowage.LocalSidecar.PubSub;
using Stowage.LocalSidecar.State;
using Stowage.LocalSidecar.Workflows;

namespace Stowage.LocalSidecar.Hosting;

/// The daprd of one app: a Kestrel host with the Dapr gRPC API (HTTP/2) on one port and the Dapr HTTP API (HTTP/1.1) on another.
internal static class AppSidecarHost
{
    /// Ports given as 0 are bound by Kestrel itself (no pick-then-bind race); the endpoints report the ports it got.
    public static async Task<(WebApplication Web, SidecarAppEndpoints Endpoints)> StartAsync(
        SidecarApp app, LocalSidecarAppOptions ports, IStateStore store, PubSubBroker broker, SubscriptionCatalog catalog,
        ServiceInvoker invoker, LocalSidecarOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }

        ListenOptions? grpcListener = null, httpListener = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, ports.GrpcPort, listen => (grpcListener = listen).Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, ports.HttpPort, listen => (httpListener = listen).Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(app).AddSingleton(store).AddSingleton(broker).AddSingleton(catalog).AddSingleton(invoker)
            .AddSingleton(new OutboxRoutes(options.Outboxes.ToDictionary(o => o.Key, o => o.Value)));
        builder.Services.AddSingleton(sp => new WorkflowEngine(app.AppId, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService<WorkflowEngineLifetime>();

        var web = builder.Build();
        web.UseMiddleware<ApiTokenGate>();
        web.MapGrpcService<DaprRuntimeService>();
        web.MapGrpcService<WorkflowSidecarService>();
        web.MapSidecarHealth();
        web.MapHttpPublish();
        web.Map(ServiceInvoker.Prefix + "{**method}", (HttpContext context, ServiceInvoker invocation, SidecarApp caller) => invocation.InvokeAsync(context, caller));
        await web.StartAsync();
        var endpoints = new SidecarAppEndpoints(app.AppId, app.AppPort, grpcListener!.IPEndPoint!.Port, httpListener!.IPEndPoint!.Port, app.Tokens);
        web.Logger.AppSidecarStarted(app.AppId, endpoints.GrpcEndpoint, endpoints.HttpEndpoint, app.AppPort);
        return (web, endpoints);
    }
}
