using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Invocation;

/// Service invocation over HTTP behaves as daprd's: the call reaches the target app as it was made, with the target's
/// app token instead of the caller's API token, and the app's answer comes back as it was given.
public sealed class ServiceInvocationTests
{
    [Fact]
    public async Task A_call_reaches_the_app_with_its_method_path_query_headers_and_body_and_the_answer_comes_back_unchanged()
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        await using var callee = await StartEchoAsync(sidecar.EndpointsOf("callee"));
        using var client = ClientOf(sidecar.EndpointsOf("caller"));

        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1.0/invoke/callee/method/orders/o%2F1?expand=lines&x=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "user-token.with.dots");
        request.Headers.Add("If-Match", "\"7\"");
        request.Content = JsonContent.Create(new { quantity = 2 });
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/orders/o-1", response.Headers.Location?.OriginalString);
        Assert.Equal("\"8\"", response.Headers.ETag?.Tag);
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var seen = echo.RootElement;
        Assert.Equal("PUT", seen.GetProperty("method").GetString());
        Assert.Equal("/orders/o%2F1", seen.GetProperty("rawTarget").GetString()!.Split('?')[0]);
        Assert.Equal("?expand=lines&x=1", seen.GetProperty("query").GetString());
        Assert.Equal("""{"quantity":2}""", seen.GetProperty("body").GetString());
        Assert.Equal("Bearer user-token.with.dots", Header(seen, "Authorization"));
        Assert.Equal("\"7\"", Header(seen, "If-Match"));
        Assert.Equal(sidecar.EndpointsOf("callee").Tokens!.AppToken, Header(seen, SidecarTokens.HeaderName));
        Assert.Equal("caller", Header(seen, "dapr-caller-app-id"));
        Assert.Equal("callee", Header(seen, "dapr-callee-app-id"));
        Assert.Equal("127.0.0.1", Header(seen, "X-Forwarded-For"));
    }

    [Fact]
    public async Task The_apps_error_answer_is_passed_through_with_its_status_and_body()
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        await using var callee = await StartEchoAsync(sidecar.EndpointsOf("callee"));
        using var client = ClientOf(sidecar.EndpointsOf("caller"));

        using var response = await client.PostAsync("/v1.0/invoke/callee/method/refuse", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The order is closed.", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_sdks_invoke_client_reaches_the_app()
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        await using var callee = await StartEchoAsync(sidecar.EndpointsOf("callee"));
        var caller = sidecar.EndpointsOf("caller");
        using var client = DaprClient.CreateInvokeHttpClient("callee", caller.HttpEndpoint, caller.Tokens!.ApiToken);

        using var response = await client.GetAsync("/orders/o-2");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/orders/o-2", echo.RootElement.GetProperty("rawTarget").GetString());
    }

    [Theory]
    [InlineData("/v1.0/invoke/nobody/method/orders", HttpStatusCode.InternalServerError, "failed to invoke, id: nobody, err: couldn't find service: nobody")]
    [InlineData("/v1.0/invoke/callee/orders", HttpStatusCode.NotFound, "failed getting app id either from the URL path or the header dapr-app-id")]
    public async Task A_call_to_no_app_is_refused_as_daprd_refuses_it(string path, HttpStatusCode status, string message)
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        using var client = ClientOf(sidecar.EndpointsOf("caller"));

        using var response = await client.GetAsync(path);

        await AssertDaprErrorAsync(response, status, message);
    }

    [Fact]
    public async Task A_call_to_an_app_that_does_not_answer_is_a_500_naming_it()
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        using var client = ClientOf(sidecar.EndpointsOf("caller"));

        using var response = await client.GetAsync("/v1.0/invoke/callee/method/orders");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ERR_DIRECT_INVOKE", error.RootElement.GetProperty("errorCode").GetString());
        Assert.StartsWith("failed to invoke, id: callee, err: ", error.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_call_without_the_callers_api_token_is_refused_before_it_reaches_the_app()
    {
        await using var sidecar = await Sidecars.StartAsync("caller", "callee");
        var calls = 0;
        await using var callee = await TestApp.StartAsync(sidecar.EndpointsOf("callee"), _ => { }, web => web.MapGet("/orders", () => ++calls));
        using var client = new HttpClient { BaseAddress = new Uri(sidecar.EndpointsOf("caller").HttpEndpoint) };

        using var response = await client.GetAsync("/v1.0/invoke/callee/method/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, calls);
    }

    private static HttpClient ClientOf(SidecarAppEndpoints caller)
    {
        var client = new HttpClient { BaseAddress = new Uri(caller.HttpEndpoint) };
        client.DefaultRequestHeaders.Add(SidecarTokens.HeaderName, caller.Tokens!.ApiToken);
        return client;
    }

    private static Task<TestApp> StartEchoAsync(SidecarAppEndpoints endpoints) => TestApp.StartAsync(endpoints, _ => { }, web =>
    {
        web.MapPost("/refuse", () => Results.Problem(title: "The order is closed.", statusCode: StatusCodes.Status422UnprocessableEntity));
        web.Map("/{**rest}", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.Headers.ETag = "\"8\"";
            return Results.Created("/orders/o-1", new
            {
                method = context.Request.Method,
                rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
                query = context.Request.QueryString.Value,
                body,
                headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            });
        });
    });

    private static string? Header(JsonElement echo, string name) =>
        echo.GetProperty("headers").TryGetProperty(name.ToLowerInvariant(), out var value) ? value.GetString() : null;

    private static async Task AssertDaprErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ERR_DIRECT_INVOKE", error.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal(message, error.RootElement.GetProperty("message").GetString());
    }
}
