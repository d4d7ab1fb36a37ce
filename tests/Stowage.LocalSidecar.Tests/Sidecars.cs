using Stowage.LocalSidecar.Hosting;
using Stowage.LocalSidecar.PubSub;

namespace Stowage.LocalSidecar.Tests;

internal static class Sidecars
{
    public static Task<LocalSidecarHost> StartAsync(params string[] appIds) => StartAsync(_ => { }, appIds);

    public static Task<LocalSidecarHost> StartAsync(Action<LocalSidecarOptions> configure, params string[] appIds)
    {
        var options = new LocalSidecarOptions
        {
            ConfigureLogging = _ => { },
            Delivery = new DeliveryPolicy(8, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)),
        };
        foreach (var appId in appIds)
        {
            options.Apps.Add(new LocalSidecarAppOptions(appId, LoopbackPorts.PickUnused()));
        }

        configure(options);
        return LocalSidecarHost.StartAsync(options);
    }
}
