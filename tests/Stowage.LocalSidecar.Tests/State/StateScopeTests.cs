using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.State;

public sealed class StateScopeTests
{
    [Fact]
    public async Task Each_app_sees_only_its_own_keys_as_with_daprd_appid_prefixes()
    {
        await using var sidecar = await Sidecars.StartAsync("policy", "mover");
        await using var policy = await TestApp.StartAsync(sidecar.EndpointsOf("policy"), b => b.Services.AddDaprClient(), _ => { });
        await using var mover = await TestApp.StartAsync(sidecar.EndpointsOf("mover"), b => b.Services.AddDaprClient(), _ => { });
        var policyState = policy.Services.GetRequiredService<DaprClient>();
        var moverState = mover.Services.GetRequiredService<DaprClient>();

        await policyState.SaveStateAsync("statestore", "shared-name", "policy's");
        await moverState.SaveStateAsync("statestore", "shared-name", "mover's");

        Assert.Equal("policy's", await policyState.GetStateAsync<string>("statestore", "shared-name"));
        Assert.Equal("mover's", await moverState.GetStateAsync<string>("statestore", "shared-name"));
    }
}
