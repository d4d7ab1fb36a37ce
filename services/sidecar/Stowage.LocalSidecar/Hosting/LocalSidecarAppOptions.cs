namespace Stowage.LocalSidecar.Hosting;

/// <summary>One app: its Dapr app id, the port its HTTP callbacks listen on, and the sidecar ports (0 picks free ones).</summary>
public sealed record LocalSidecarAppOptions(string AppId, int AppPort, int GrpcPort = 0, int HttpPort = 0);
