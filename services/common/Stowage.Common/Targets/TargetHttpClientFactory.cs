using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Stowage.Common.Targets;

/// <summary>
/// HTTP clients for S3 targets that connect only where the <see cref="TargetAddressPolicy"/> allows: each connection
/// resolves the host itself and dials an allowed address, so a name that resolved to an allowed address at validation
/// and to a refused one later (DNS rebinding) still reaches nothing it should not. No proxy is used: through a proxy
/// the connection's real address could not be checked.
/// </summary>
public sealed class TargetHttpClientFactory(TargetAddressPolicy policy) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false,
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (clientConfig.MaxConnectionsPerServer is { } limit) handler.MaxConnectionsPerServer = limit;
        var client = new HttpClient(handler);
        if (clientConfig.Timeout is { } timeout) client.Timeout = timeout;
        return client;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = context.DnsEndPoint.Port;
        SocketException? last = null;
        foreach (var address in await policy.ResolveAllowedAsync(context.DnsEndPoint.Host, port, cancellationToken))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
