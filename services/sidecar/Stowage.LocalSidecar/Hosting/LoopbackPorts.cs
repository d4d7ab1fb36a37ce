using System.Net;
using System.Net.Sockets;

namespace Stowage.LocalSidecar.Hosting;

/// <summary>
/// Picks a loopback port for an app to listen on later. Ports come from below the kernel's ephemeral range
/// (32768 and up on Linux), because outgoing connections take ephemeral ports all the time and one could take the
/// port between picking it and binding it; a random start keeps concurrent test processes apart.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Last = 32000;

    public static int PickUnused()
    {
        var start = Random.Shared.Next(First, Last);
        for (var offset = 0; offset < Last - First; offset++)
        {
            var port = First + ((start - First + offset) % (Last - First));
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
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
