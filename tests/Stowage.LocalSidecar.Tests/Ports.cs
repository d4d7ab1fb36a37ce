using System.Net;
using System.Net.Sockets;

namespace Stowage.LocalSidecar.Tests;

/// App ports for tests. They come from below Linux's ephemeral range (32768+), where port-0 binds (the sidecar's own
/// ports, other tests' clients) never land, so a port handed out here stays ours until the app binds it.
internal static class Ports
{
    private const int First = 20000;
    private const int Count = 10000;
    private static int _next = Environment.ProcessId % Count;

    public static int Free()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free port below the ephemeral range.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
