namespace Stowage.LocalSidecar.Hosting;

/// <summary>
/// One app: its Dapr app id, the port its HTTP callbacks listen on, the sidecar ports (0 picks free ones) and its tokens
/// (null issues a random pair, so whoever uses the sidecar runs with tokens on unless it says <see cref="SidecarTokens.None"/>).
/// </summary>
public sealed record LocalSidecarAppOptions(string AppId, int AppPort, int GrpcPort = 0, int HttpPort = 0, SidecarTokens? Tokens = null);
