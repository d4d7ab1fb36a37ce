using System.Net;
using System.Net.Sockets;

namespace Stowage.Testing.Dapr;

/// <summary>A TCP listener on a free loopback port that counts the connections it accepts: proof that nothing was sent to it.</summary>
public sealed class CountingListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int accepted;

    public CountingListener()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref accepted);

    public void Dispose() => listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref accepted);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
        }
    }
}
