using System.Net;
using System.Net.Sockets;

namespace Stowage.Testing.S3;

internal static class LoopbackPort
{
    /// <summary>A port that was free a moment ago; a daemon that loses the race fails fast and the start is retried.</summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
