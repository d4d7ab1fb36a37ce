using System.Net;
using Dapr;
using Dapr.Client;
using Dapr.Workflow;
using Dapr.Workflow.Registration;
using Grpc.Core;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Security;

/// With DAPR_API_TOKEN set, daprd serves its API only to callers that present it; so does the local sidecar.
public sealed class ApiTokenTests : IAsyncLifetime
{
    private LocalSidecarHost _sidecar = null!;

    private SidecarAppEndpoints Endpoints => _sidecar.EndpointsOf("keeper");

    public async Task InitializeAsync() => _sidecar = await Sidecars.StartAsync("keeper");

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task A_state_write_without_the_api_token_is_refused_as_unauthenticated_and_changes_nothing(string? token)
    {
        using var caller = Client(token);

        var refused = await Assert.ThrowsAsync<DaprException>(() => caller.SaveStateAsync("statestore", "k", "forged"));

        Assert.Equal(StatusCode.Unauthenticated, Assert.IsType<RpcException>(refused.InnerException).StatusCode);
        using var owner = Client(Endpoints.Tokens!.ApiToken);
        Assert.Null(await owner.GetStateAsync<string>("statestore", "k"));
    }

    [Fact]
    public async Task The_api_token_opens_the_api()
    {
        using var owner = Client(Endpoints.Tokens!.ApiToken);

        await owner.SaveStateAsync("statestore", "k", "v");

        Assert.Equal("v", await owner.GetStateAsync<string>("statestore", "k"));
    }

    [Fact]
    public async Task Starting_a_workflow_without_the_api_token_is_refused_as_unauthenticated()
    {
        await using var caller = new DaprWorkflowClientBuilder().UseGrpcEndpoint(Endpoints.GrpcEndpoint).Build();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => caller.ScheduleNewWorkflowAsync("AnyWorkflow", "forged-1"));

        Assert.Equal(StatusCode.Unauthenticated, FindRpc(refused)?.StatusCode);
    }

    [Fact]
    public async Task The_http_api_needs_the_token_but_the_health_endpoints_stay_open_for_probes()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Endpoints.HttpEndpoint) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1.0/metadata")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/v1.0/healthz/outbound")).StatusCode);
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/v1.0/metadata");
        withToken.Headers.Add(SidecarTokens.HeaderName, Endpoints.Tokens!.ApiToken);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withToken)).StatusCode);
    }

    [Fact]
    public void Tokens_do_not_show_in_what_the_options_print()
    {
        var printed = Endpoints.ToString();

        Assert.DoesNotContain(Endpoints.Tokens!.AppToken!, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Endpoints.Tokens.ApiToken!, printed, StringComparison.Ordinal);
    }

    private DaprClient Client(string? token)
    {
        var builder = new DaprClientBuilder().UseGrpcEndpoint(Endpoints.GrpcEndpoint).UseHttpEndpoint(Endpoints.HttpEndpoint);
        return (token is null ? builder : builder.UseDaprApiToken(token)).Build();
    }

    private static RpcException? FindRpc(Exception? exception) =>
        exception is null ? null : exception as RpcException ?? FindRpc(exception.InnerException);
}
