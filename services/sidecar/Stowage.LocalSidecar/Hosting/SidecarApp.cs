namespace Stowage.LocalSidecar.Hosting;

/// One application served by the sidecar: its Dapr app id and the HTTP port its callbacks listen on.
internal sealed record SidecarApp(string AppId, int AppPort)
{
    public Uri AppChannel { get; } = new($"http://127.0.0.1:{AppPort}/");
}
