using System.Diagnostics;
using System.Net;
using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Hosting;

public sealed class SidecarProcessTests
{
    [Fact]
    public async Task The_sidecar_started_from_the_command_line_serves_an_app()
    {
        var tokens = SidecarTokens.Random();
        var endpoints = new SidecarAppEndpoints("cli-app", LoopbackPorts.PickUnused(), LoopbackPorts.PickUnused(), LoopbackPorts.PickUnused(), tokens);
        var info = new ProcessStartInfo("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "stowage-sidecar.dll"),
            "--app", $"cli-app={endpoints.AppPort}", "--grpc-port", $"{endpoints.GrpcPort}", "--http-port", $"{endpoints.HttpPort}",
        ])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment = { [SidecarTokens.AppTokenVariable] = tokens.AppToken, [SidecarTokens.ApiTokenVariable] = tokens.ApiToken },
        };
        using var sidecar = Process.Start(info)!;
        var announced = new TaskCompletionSource<string>();
        sidecar.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("cli-app:", StringComparison.Ordinal) == true)
            {
                announced.TrySetResult(line.Data);
            }
        };
        sidecar.BeginOutputReadLine();
        try
        {
            var announcement = await announced.Task.WaitAsync(Eventually.Deadline);
            Assert.Contains($"DAPR_GRPC_ENDPOINT={endpoints.GrpcEndpoint}", announcement);
            Assert.DoesNotContain(tokens.ApiToken!, announcement, StringComparison.Ordinal);
            await using var app = await TestApp.StartAsync(endpoints, b => b.Services.AddDaprClient(), _ => { });
            var dapr = app.Services.GetRequiredService<DaprClient>();

            await dapr.WaitForSidecarAsync();
            await dapr.SaveStateAsync("statestore", "k", "v");

            Assert.Equal("v", await dapr.GetStateAsync<string>("statestore", "k"));
            Assert.Equal("cli-app", (await dapr.GetMetadataAsync()).Id);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync($"{endpoints.HttpEndpoint}/v1.0/healthz/outbound")).StatusCode);
            // The command took DAPR_API_TOKEN from its environment, as daprd does.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{endpoints.HttpEndpoint}/v1.0/metadata")).StatusCode);
        }
        finally
        {
            sidecar.Kill(entireProcessTree: true);
            await sidecar.WaitForExitAsync();
        }
    }
}
