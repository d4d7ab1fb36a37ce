using System.Net.Http.Json;
using Stowage.Contracts;
using Stowage.Contracts.Policies;
using Stowage.LocalSidecar.Hosting;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

/// <summary>The policy service as a real host with the local Dapr sidecar, and a subscriber app recording policy events.</summary>
public sealed class PolicyServiceFixture : IAsyncLifetime
{
    public static readonly string[] Topics =
        [PolicyTopics.Created, PolicyTopics.Changed, PolicyTopics.Paused, PolicyTopics.Resumed, PolicyTopics.Orphaned, PolicyTopics.Adopted, PolicyTopics.Deleted];

    private LocalSidecarHost? sidecar;

    /// <summary>The API server that reviews callers; <see cref="Client"/> calls as its admin.</summary>
    public AccessCluster Cluster { get; private set; } = null!;

    public ServiceUnderTest<Program> Service { get; private set; } = null!;

    public EventRecorder Recorder { get; private set; } = null!;

    public HttpClient Client => Service.Client;

    /// <summary>A stand-in object store on the one loopback port the service's configuration allows targets on.</summary>
    public CountingListener AllowedStore { get; } = new();

    public SidecarAppEndpoints PolicySidecar => sidecar!.EndpointsOf(AppIds.Policy);

    public SidecarAppEndpoints RecorderSidecar => sidecar!.EndpointsOf("recorder");

    public async Task InitializeAsync()
    {
        var options = new LocalSidecarOptions();
        options.Apps.Add(new LocalSidecarAppOptions(AppIds.Policy, LoopbackPorts.PickUnused()));
        options.Apps.Add(new LocalSidecarAppOptions("recorder", LoopbackPorts.PickUnused()));
        sidecar = await LocalSidecarHost.StartAsync(options);
        Cluster = await AccessCluster.StartAsync();
        Recorder = await EventRecorder.StartAsync(sidecar.EndpointsOf("recorder").AppPort, DaprComponents.PubSub, Topics);
        Service = new ServiceUnderTest<Program>(PolicySidecar, Settings, Cluster.AdminToken);
    }

    /// <summary>Stops the policy service and starts a new one on the same sidecar, as a crash and restart would.</summary>
    public async Task RestartServiceAsync()
    {
        await Service.DisposeAsync();
        Service = new ServiceUnderTest<Program>(PolicySidecar, Settings, Cluster.AdminToken);
    }

    public async Task<HttpResponseMessage> CreateAsync(PolicySpec spec) => await Client.PostAsJsonAsync("/policies", spec, Json.Options);

    /// <summary>POSTs an event to one of the service's event routes, as its sidecar delivers it: with the app token.</summary>
    public Task<HttpResponseMessage> DeliverAsync<T>(string route, T @event) => DeliverAsync(route, JsonContent.Create(@event, options: Json.Options), PolicySidecar.Tokens!.AppToken);

    /// <summary>POSTs any body to an event route with the given dapr-api-token (none when null), as a forger would.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string route, HttpContent body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = body };
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        return await Client.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Recorder.DisposeAsync();
        if (sidecar is not null) await sidecar.DisposeAsync();
        await Cluster.DisposeAsync();
        AllowedStore.Dispose();
    }

    private Dictionary<string, string?> Settings => new(Cluster.ServiceSettings)
    {
        ["Targets:AllowedAddresses:0"] = $"127.0.0.1:{AllowedStore.Port}",
        ["Credentials:check:AccessKeyId"] = "check-access-key",
        ["Credentials:check:SecretAccessKey"] = "check-secret-key",
        ["Credentials:check:RepositoryPassword"] = "check repository password",
    };
}

[CollectionDefinition(Name)]
public sealed class PolicyServiceCollection : ICollectionFixture<PolicyServiceFixture>
{
    public const string Name = "policy service";
}
