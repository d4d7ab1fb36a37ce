using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.State;

public sealed class DurableStateTests
{
    [Fact]
    public async Task State_in_a_sqlite_file_survives_a_sidecar_restart_with_its_etag()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("local-sidecar-state-").FullName, "state.db");
        string etag;
        await using (var first = await StartAsync(path))
        {
            await using var app = await TestApp.StartAsync(first.EndpointsOf("keeper"), b => b.Services.AddDaprClient(), _ => { });
            var dapr = app.Services.GetRequiredService<DaprClient>();
            await dapr.SaveStateAsync("statestore", "policy", "nightly");
            (_, etag) = await dapr.GetStateAndETagAsync<string>("statestore", "policy");
        }

        await using var second = await StartAsync(path);
        await using var restarted = await TestApp.StartAsync(second.EndpointsOf("keeper"), b => b.Services.AddDaprClient(), _ => { });
        var client = restarted.Services.GetRequiredService<DaprClient>();

        Assert.Equal(("nightly", etag), await client.GetStateAndETagAsync<string>("statestore", "policy"));
        Assert.True(await client.TrySaveStateAsync("statestore", "policy", "hourly", etag));
        Assert.False(await client.TrySaveStateAsync("statestore", "policy", "weekly", etag));
    }

    private static Task<LocalSidecarHost> StartAsync(string path)
    {
        var options = new LocalSidecarOptions { SqlitePath = path, ConfigureLogging = _ => { } };
        options.Apps.Add(new LocalSidecarAppOptions("keeper", LoopbackPorts.PickUnused()));
        return LocalSidecarHost.StartAsync(options);
    }
}
