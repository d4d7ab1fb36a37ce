namespace Stowage.LocalSidecar.Hosting;

/// One application served by the sidecar: its Dapr app id, the HTTP port its callbacks listen on, and its tokens.
internal sealed record SidecarApp(string AppId, int AppPort, SidecarTokens Tokens)
{
    public Uri AppChannel { get; } = new($"http://127.0.0.1:{AppPort}/");

    /// A call to the app, carrying APP_API_TOKEN as daprd sends it on every call to its app.
    public HttpRequestMessage Call(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(AppChannel, path.TrimStart('/')));
        if (Tokens.AppToken is { } token)
        {
            request.Headers.Add(SidecarTokens.HeaderName, token);
        }

        return request;
    }
}
