namespace Stowage.Testing.S3;

/// <summary>
/// One gateway and one S3 user per test process, started by the first fixture that asks. Fixtures do not stop
/// it: xunit disposes each collection's fixture when that collection ends, and a restart costs seconds.
/// The gateway stops at process exit (its ProcessExit handler), or through its watchdog if the process is killed.
/// </summary>
internal static class SharedS3Server
{
    private static readonly Lazy<Task<(RadosGateway Gateway, S3Credentials User)>> Server = new(StartAsync);

    public static Task<(RadosGateway Gateway, S3Credentials User)> GetAsync() => Server.Value;

    private static async Task<(RadosGateway, S3Credentials)> StartAsync()
    {
        var gateway = await RadosGateway.StartAsync();
        try
        {
            return (gateway, await gateway.CreateUserAsync("stowage-tests"));
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
    }
}
