using Dapr;

namespace Stowage.Console.FrontDoor;

/// <summary>
/// Where the console's Dapr sidecar invokes another app: <c>{DAPR_HTTP_ENDPOINT}/v1.0/invoke/{appId}/method</c>, with
/// DAPR_API_TOKEN in the dapr-api-token header when it is set, as daprd requires.
/// </summary>
public sealed class SidecarInvocation(IConfiguration configuration)
{
    public const string TokenHeader = "dapr-api-token";

    public string? ApiToken { get; } = DaprDefaults.GetDefaultDaprApiToken(configuration) is { Length: > 0 } token ? token : null;

    public Uri MethodsOf(string appId) =>
        new($"{DaprDefaults.GetDefaultHttpEndpoint(configuration).TrimEnd('/')}/v1.0/invoke/{Uri.EscapeDataString(appId)}/method");
}
