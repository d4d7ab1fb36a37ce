using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Stowage.Mover.Engine.Telemetry;

/// <summary>Traces and metrics of the engine; services export them with OpenTelemetry by the name "Stowage.Mover.Engine".</summary>
public static class EngineTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Stowage.Mover.Engine";

    /// <summary>Spans for backup, restore, check, forget and prune.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> BytesRead = Meter.CreateCounter<long>("stowage.mover.bytes_read", "By", "File bytes read by backups.");
    internal static readonly Counter<long> BytesUploaded = Meter.CreateCounter<long>("stowage.mover.bytes_uploaded", "By", "Stored bytes written to repositories.");
    internal static readonly Counter<long> ChunksNew = Meter.CreateCounter<long>("stowage.mover.chunks_new", "{chunk}", "Blobs uploaded because the repository lacked them.");
    internal static readonly Counter<long> ChunksDeduplicated = Meter.CreateCounter<long>("stowage.mover.chunks_deduplicated", "{chunk}", "Blobs the repository already held.");
    internal static readonly Counter<long> BytesRestored = Meter.CreateCounter<long>("stowage.mover.bytes_restored", "By", "File bytes written by restores.");
    internal static readonly Counter<long> TargetRetries = Meter.CreateCounter<long>("stowage.mover.target_retries", "{request}",
        "Requests to a repository's object store tried again because the store did not answer or was overloaded.");
    internal static readonly Counter<long> LockWriteFailures = Meter.CreateCounter<long>("stowage.mover.lock_write_failures", "{write}",
        "Lock refreshes and removals that failed; a backup or prune stops once no refresh succeeded for half the stale age.");
    /// <summary>Runs an operation under its span; the span ends as an error, with the message, when the operation throws.</summary>
    internal static async Task<T> TraceAsync<T>(string name, Func<Activity?, Task<T>> operation)
    {
        using var activity = ActivitySource.StartActivity(name);
        try
        {
            return await operation(activity);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("stowage.mover.duration", "s", "Duration of engine operations.");
}
