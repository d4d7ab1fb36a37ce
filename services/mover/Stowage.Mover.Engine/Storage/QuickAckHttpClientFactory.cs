using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Stowage.Mover.Engine.Storage;

/// <summary>
/// HTTP clients whose connections acknowledge received data at once. Some S3 servers (Ceph RGW's beast frontend
/// by default) write a response's headers and its body separately with Nagle's algorithm on, so a small body waits
/// for the client's acknowledgement of the headers, which Linux delays by up to 40 ms on a reused connection: every
/// small GET (keys, snapshots, indexes, trees) would take 40 ms instead of 2.
/// </summary>
internal sealed class QuickAckHttpClientFactory : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (clientConfig.MaxConnectionsPerServer is { } limit) handler.MaxConnectionsPerServer = limit;
        var client = new HttpClient(handler);
        if (clientConfig.Timeout is { } timeout) client.Timeout = timeout;
        return client;
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new QuickAckStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Re-enters TCP quick-ack mode before every read: the mode is not sticky (sending a request leaves it), and
    /// entering it sends any acknowledgement the kernel was holding back.
    /// </summary>
    private sealed class QuickAckStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
    {
        private const int IpProtocolTcp = 6;
        private const int TcpQuickAck = 12;
        private static readonly byte[] On = BitConverter.GetBytes(1);

        public override int Read(byte[] buffer, int offset, int count)
        {
            QuickAck();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            QuickAck();
            return base.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            QuickAck();
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            QuickAck();
            return base.ReadAsync(buffer, cancellationToken);
        }

        private void QuickAck()
        {
            if (OperatingSystem.IsLinux()) Socket.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, On);
        }
    }
}
