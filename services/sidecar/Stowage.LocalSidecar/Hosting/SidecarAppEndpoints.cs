namespace Stowage.LocalSidecar.Hosting;

/// <summary>Where one app finds its sidecar; <see cref="EnvironmentVariables"/> are the variables the Dapr SDKs read.</summary>
public sealed record SidecarAppEndpoints(string AppId, int AppPort, int GrpcPort, int HttpPort)
{
    /// <summary>The Dapr gRPC endpoint (DAPR_GRPC_ENDPOINT).</summary>
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>The Dapr HTTP endpoint (DAPR_HTTP_ENDPOINT).</summary>
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    /// <summary>Environment (or configuration) entries that point the Dapr SDKs at this sidecar.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>
    {
        ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint,
        ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint,
        ["DAPR_GRPC_PORT"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DAPR_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["APP_ID"] = AppId,
    };
}
