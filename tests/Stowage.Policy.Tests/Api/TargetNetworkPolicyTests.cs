using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Contracts.Policies;
using Stowage.Policy.Api;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

/// <summary>Targets are not a way into the network: refused addresses are named as the bad field, and nothing is stored or sent.</summary>
[Collection(PolicyServiceCollection.Name)]
public sealed class TargetNetworkPolicyTests(PolicyServiceFixture fixture)
{
    private static PolicySpec At(string endpoint, string app) =>
        PolicySpecs.Valid(app) with { Target = PolicySpecs.Valid().Target with { Endpoint = endpoint, Credentials = new CredentialsRef(ConfigurationName: "check") } };

    private static async Task<string> EndpointErrorOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("target.endpoint", out var messages), $"no error for target.endpoint: {errors}");
        return messages[0].GetString()!;
    }

    private Task<HttpResponseMessage> CheckAsync(string endpoint) =>
        fixture.Client.PostAsJsonAsync("/targets/check", new CheckTargetRequest(At(endpoint, "check-db").Target), Json.Options);

    [Fact]
    public async Task A_policy_at_the_cloud_metadata_address_is_refused_naming_the_endpoint_and_nothing_is_stored()
    {
        var before = await fixture.Client.GetStringAsync("/policies?pageSize=500");
        using var response = await fixture.CreateAsync(At("http://169.254.169.254/", "metadata-db"));
        Assert.Contains("169.254.169.254 is a link-local address", await EndpointErrorOf(response));
        Assert.Equal(before, await fixture.Client.GetStringAsync("/policies?pageSize=500"));
    }

    [Fact]
    public async Task A_loopback_port_the_configuration_does_not_allow_is_refused_and_nothing_is_sent_to_it()
    {
        using var listener = new CountingListener();
        var before = await fixture.Client.GetStringAsync("/policies?pageSize=500");

        foreach (var endpoint in new[] { $"http://127.0.0.1:{listener.Port}", $"http://localhost:{listener.Port}" })
        {
            using var created = await fixture.CreateAsync(At(endpoint, "loopback-db"));
            Assert.Contains("loopback address", await EndpointErrorOf(created));
            using var checkedTarget = await CheckAsync(endpoint);
            Assert.Contains("Targets:AllowedAddresses", await EndpointErrorOf(checkedTarget));
        }

        Assert.Equal(before, await fixture.Client.GetStringAsync("/policies?pageSize=500"));
        Assert.Equal(0, listener.Accepted);
    }

    [Fact]
    public async Task The_loopback_port_the_configuration_allows_is_accepted_and_checked_by_connecting()
    {
        var endpoint = $"http://127.0.0.1:{fixture.AllowedStore.Port}";
        using var created = await fixture.CreateAsync(At(endpoint, "allowed-store-db"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The stand-in closes every connection, so the check fails, in its report: it did connect.
        using var response = await CheckAsync(endpoint);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("passed").GetBoolean());
        Assert.True(fixture.AllowedStore.Accepted > 0);
    }
}
