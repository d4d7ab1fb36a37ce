using System.Diagnostics;

namespace Stowage.Testing.S3;

internal static class S3Readiness
{
    /// <summary>Polls the gateway until it answers HTTP, failing at once if any daemon of the cluster has died.</summary>
    public static async Task WaitAsync(CephCluster cluster, Uri serviceUrl, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (cluster.Daemons.FirstOrDefault(daemon => !daemon.IsRunning) is { } dead)
            {
                throw dead.Failure($"{dead.Binary} stopped while the S3 endpoint {serviceUrl} was coming up");
            }

            try
            {
                using var response = await http.GetAsync(serviceUrl, ct);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }

            if (clock.Elapsed > timeout)
            {
                throw cluster.Failure($"radosgw did not answer on {serviceUrl} within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(50, ct);
        }
    }
}
