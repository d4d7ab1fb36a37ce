namespace Stowage.LocalSidecar.Hosting;

/// <summary>Where one app finds its sidecar; <see cref="EnvironmentVariables"/> are the variables the Dapr SDKs read.</summary>
public sealed record SidecarAppEndpoints(string AppId, int AppPort, int GrpcPort, int HttpPort, SidecarTokens? Tokens = null)
{
    /// <summary>The Dapr gRPC endpoint (DAPR_GRPC_ENDPOINT).</summary>
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>The Dapr HTTP endpoint (DAPR_HTTP_ENDPOINT).</summary>
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    /// <summary>
    /// Environment (or configuration) entries that point the Dapr SDKs at this sidecar, with APP_API_TOKEN (what the app
    /// expects of the sidecar) and DAPR_API_TOKEN (what the SDKs send the sidecar) when the tokens are on.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables
    {
        get
        {
            var variables = new Dictionary<string, string>
            {
                ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint,
                ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint,
                ["DAPR_GRPC_PORT"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DAPR_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["APP_ID"] = AppId,
            };
            if (Tokens?.AppToken is { } appToken)
            {
                variables[SidecarTokens.AppTokenVariable] = appToken;
            }

            if (Tokens?.ApiToken is { } apiToken)
            {
                variables[SidecarTokens.ApiTokenVariable] = apiToken;
            }

            return variables;
        }
    }
}
