using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Stowage.Mover.Engine.Telemetry;

namespace Stowage.Mover.Engine.Storage;

/// <summary>
/// Rides out an object store that stops answering for a while (restarted, overloaded, network cut): a request that fails
/// the way an unreachable store fails is tried again with doubling waits until <see cref="S3BackendOptions.OutageTolerance"/>
/// has passed since its first failure, then fails naming the endpoint and bucket. Errors the store itself gives (access
/// denied, no such bucket) are not retried: waiting does not fix them.
/// </summary>
internal sealed class S3OutageRetry(S3BackendOptions options)
{
    /// <summary>Runs <paramref name="attempt"/>, which gets the number of earlier tries (0 for the first).</summary>
    public async Task<T> RunAsync<T>(string operation, Func<int, Task<T>> attempt, CancellationToken cancellationToken)
    {
        Stopwatch? outage = null;
        var wait = options.FirstRetryWait;
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await attempt(tries);
            }
            catch (Exception e) when (IsOutage(e, cancellationToken))
            {
                outage ??= Stopwatch.StartNew();
                var left = options.OutageTolerance - outage.Elapsed;
                if (left <= TimeSpan.Zero) throw Unreachable(operation, outage.Elapsed, e);
                EngineTelemetry.TargetRetries.Add(1, new KeyValuePair<string, object?>("operation", operation));
                await Task.Delay(wait < left ? wait : left, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.LongestRetryWait.Ticks));
            }
        }
    }

    public Task RunAsync(string operation, Func<int, Task> attempt, CancellationToken cancellationToken) =>
        RunAsync(operation, async tries => { await attempt(tries); return true; }, cancellationToken);

    private RepositoryUnreachableException Unreachable(string operation, TimeSpan outage, Exception last) =>
        new($"The S3 endpoint {options.ServiceUrl ?? "(AWS)"} did not answer for bucket '{options.Bucket}' ({operation}) for " +
            $"{outage.TotalSeconds:0} s, the configured tolerance: {Innermost(last).Message} Check that the endpoint is reachable from " +
            "the mover (address, port, DNS, network policies) and that the object store is running.", last);

    /// <summary>
    /// Failures that waiting can fix: no connection, a dropped one, a timeout, or the store saying it is busy or broken.
    /// A connection the caller's own rules refused (socket error "access denied", as a target address policy gives) is not one.
    /// </summary>
    internal static bool IsOutage(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return false;
        if (e is AmazonServiceException { StatusCode: var status } service && (int)status != 0)
            return (int)status >= 500 || status == HttpStatusCode.TooManyRequests || service.ErrorCode is "SlowDown" or "RequestTimeout";
        var causes = new List<Exception>();
        for (Exception? cause = e; cause is not null; cause = cause.InnerException) causes.Add(cause);
        return !causes.Any(c => c is SocketException { SocketErrorCode: SocketError.AccessDenied })
            && causes.Any(c => c is HttpRequestException or HttpIOException or SocketException or TimeoutException or OperationCanceledException);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
