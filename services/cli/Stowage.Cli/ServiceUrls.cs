namespace Stowage.Cli;

/// <summary>Where each service's REST API is: STOWAGE_{SERVICE}_URL, else the ports dapr.yaml and tye.yaml use.</summary>
internal sealed record ServiceUrls(Uri Policy, Uri Scheduler, Uri Mover, Uri Restore)
{
    public static ServiceUrls FromEnvironment() => new(
        Url("POLICY", 5101), Url("SCHEDULER", 5103), Url("MOVER", 5104), Url("RESTORE", 5105));

    private static Uri Url(string service, int port) =>
        new(Environment.GetEnvironmentVariable($"STOWAGE_{service}_URL") ?? $"http://localhost:{port}");
}
