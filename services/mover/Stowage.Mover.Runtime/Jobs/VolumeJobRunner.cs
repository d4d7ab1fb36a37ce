using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Common.Targets;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>
/// Runs a volume job to its end and returns the pod's result (its termination message). A Job of the same name that
/// exists already (an earlier attempt, or a mover that was restarted) is adopted, not started again. Lines the pod
/// logs while it runs go to <c>onLogLine</c> (progress). A finished Job is deleted with its pods and its Secret; one
/// left running because the mover stops is found again by the next attempt.
/// </summary>
public sealed partial class VolumeJobRunner(IKubernetes kubernetes, IOptions<VolumeJobSettings> settings, TimeProvider clock, ILogger<VolumeJobRunner> logger)
{
    private static readonly ActivitySource Source = new("Stowage.Mover.Jobs");
    private static readonly Meter Meter = new("Stowage.Mover.Jobs");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("stowage.volume_job.duration", "s",
        "From creating (or adopting) a volume job to its end, by kind and outcome");
    private static readonly Histogram<double> StartDelay = Meter.CreateHistogram<double>("stowage.volume_job.start_delay", "s",
        "From creating (or adopting) a volume job to first seeing its pod run: scheduling, attaching and starting");

    public async Task<string> RunAsync(VolumeJob job, TargetCredentials credentials, Action<string>? onLogLine, CancellationToken ct)
    {
        using var span = Source.StartActivity($"volume job {job.Kind}");
        span?.SetTag("k8s.namespace.name", job.Namespace);
        span?.SetTag("k8s.job.name", job.Name);
        var started = clock.GetTimestamp();
        TimeSpan? untilRunning = null;
        var created = await CreateOrAdoptAsync(job, credentials, ct);
        using var following = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var changed = new SemaphoreSlim(0, 1);
        var watch = WatchAsync(job, changed, following.Token);
        Task? follow = null;
        var pendingSince = new Dictionary<string, DateTimeOffset>();
        try
        {
            while (true)
            {
                var current = await ReadAsync(job, ct);
                var pods = await PodsAsync(job, ct);
                if (untilRunning is null && pods.Any(p => p.Status?.Phase is "Running" or "Succeeded"))
                {
                    untilRunning = clock.GetElapsedTime(started);
                    StartDelay.Record(untilRunning.Value.TotalSeconds, new TagList { { "kind", job.Kind.ToString() } });
                }
                if (follow is null && onLogLine is not null && pods.FirstOrDefault(p => p.Status?.Phase == "Running") is { } running)
                {
                    follow = FollowAsync(running, onLogLine, following.Token);
                }
                if (Condition(current, "Complete") is not null)
                {
                    var succeeded = pods.FirstOrDefault(p => p.Status?.Phase == "Succeeded");
                    var message = Terminated(succeeded)?.Message;
                    if (string.IsNullOrWhiteSpace(message))
                        throw new VolumeJobFailedException($"Job {job.Namespace}/{job.Name} succeeded without a result in its termination message.");
                    Finished(job, "Complete", started, untilRunning);
                    return message;
                }
                if (Condition(current, "Failed") is { } failed)
                {
                    Finished(job, failed.Reason ?? "Failed", started, untilRunning);
                    throw new VolumeJobFailedException(FailureOf(job, failed, pods));
                }
                if (StuckPending(pods, pendingSince) is { } stuck)
                {
                    Finished(job, "PendingTimeout", started, untilRunning);
                    throw new VolumeJobFailedException($"Volume job {job.Namespace}/{job.Name} for claim {job.ClaimName} failed: its pod {stuck.Metadata.Name}" +
                        $"{(job.NodeName is { } node ? $" for node {node}" : "")} stayed Pending for {settings.Value.PendingTimeout} ({PendingReason(stuck)}).{LastFailedPod(pods)}");
                }
                await NextLookAsync(changed, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            await following.CancelAsync();
            await watch;
            if (follow is not null) await follow.ContinueWith(_ => { }, TaskScheduler.Default);
            if (!ct.IsCancellationRequested) await DeleteAsync(job, created);
        }
    }

    /// <summary>
    /// Watches the Job, so the loop looks again as soon as it changes (its pod started, it completed or failed) rather
    /// than up to a poll interval later. The poll stays: the watch only wakes it early, and a watch that is refused or
    /// ends costs no more than the interval.
    /// </summary>
    private async Task WatchAsync(VolumeJob job, SemaphoreSlim changed, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await foreach (var _ in kubernetes.BatchV1.WatchListNamespacedJobAsync(job.Namespace, fieldSelector: $"metadata.name={job.Name}", cancellationToken: ct))
                {
                    if (changed.CurrentCount == 0) changed.Release();
                }
                await Task.Delay(settings.Value.PollInterval, clock, ct);
            }
        }
        catch (HttpOperationException ex) when (!ct.IsCancellationRequested)
        {
            LogWatchRefused(job.Namespace, job.Name, (int)ex.Response.StatusCode);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException or KubernetesException)
        {
        }
    }

    /// <summary>Waits for the Job to change, or one poll interval, whichever comes first.</summary>
    private async Task NextLookAsync(SemaphoreSlim changed, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(settings.Value.PollInterval, clock, waiting.Token), changed.WaitAsync(waiting.Token));
        await waiting.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private void Finished(VolumeJob job, string condition, long started, TimeSpan? untilRunning)
    {
        var elapsed = clock.GetElapsedTime(started);
        Duration.Record(elapsed.TotalSeconds, new TagList { { "kind", job.Kind.ToString() }, { "outcome", condition } });
        LogFinished(job.Namespace, job.Name, condition, elapsed.TotalSeconds, untilRunning?.TotalSeconds);
    }

    private async Task<V1Job> CreateOrAdoptAsync(VolumeJob job, TargetCredentials credentials, CancellationToken ct)
    {
        V1Job existing;
        try
        {
            existing = await kubernetes.BatchV1.CreateNamespacedJobAsync(VolumeJobManifest.Job(job, settings.Value), job.Namespace, cancellationToken: ct);
            LogStarted(job.Namespace, job.Name, job.NodeName ?? "any node");
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            existing = await kubernetes.BatchV1.ReadNamespacedJobAsync(job.Name, job.Namespace, cancellationToken: ct);
            LogAdopted(job.Namespace, job.Name);
        }
        try
        {
            // Made after the Job so the Job owns it: deleting the Job deletes the credentials.
            await kubernetes.CoreV1.CreateNamespacedSecretAsync(VolumeJobManifest.Credentials(job, existing, credentials), job.Namespace, cancellationToken: ct);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
        return existing;
    }

    private async Task<V1Job> ReadAsync(VolumeJob job, CancellationToken ct)
    {
        try
        {
            return await kubernetes.BatchV1.ReadNamespacedJobAsync(job.Name, job.Namespace, cancellationToken: ct);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new VolumeJobGoneException($"Volume job {job.Namespace}/{job.Name} was deleted before this attempt saw it finish.");
        }
    }

    private async Task<IReadOnlyList<V1Pod>> PodsAsync(VolumeJob job, CancellationToken ct) =>
        (await kubernetes.CoreV1.ListNamespacedPodAsync(job.Namespace, labelSelector: $"job-name={job.Name}", cancellationToken: ct)).Items
            .OrderBy(p => p.Metadata.CreationTimestamp).ToList();

    private async Task FollowAsync(V1Pod pod, Action<string> onLogLine, CancellationToken ct)
    {
        try
        {
            await using var log = await kubernetes.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, follow: true, cancellationToken: ct);
            using var reader = new StreamReader(log);
            while (await reader.ReadLineAsync(ct) is { } line) onLogLine(line);
        }
        catch (Exception ex) when (ex is HttpOperationException or IOException or OperationCanceledException or HttpRequestException)
        {
            // Progress is a courtesy; the Job's status decides the outcome.
        }
    }

    /// <summary>
    /// The job's pod that has been Pending (not scheduled, or its volumes not mountable) for longer than allowed. A Job
    /// runs one pod at a time, so any Pending pod is the current one (creation times, in whole seconds, may not tell).
    /// </summary>
    private V1Pod? StuckPending(IReadOnlyList<V1Pod> pods, Dictionary<string, DateTimeOffset> pendingSince)
    {
        var pending = pods.FirstOrDefault(p => p.Status?.Phase is null or "Pending");
        if (pending is null) return null;
        var now = clock.GetUtcNow();
        var since = pendingSince.TryGetValue(pending.Metadata.Name, out var first) ? first : pendingSince[pending.Metadata.Name] = now;
        return now - since >= settings.Value.PendingTimeout ? pending : null;
    }

    private static string PendingReason(V1Pod pod)
    {
        if (pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False") is { } unscheduled)
            return $"{unscheduled.Reason}: {unscheduled.Message}";
        if (pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting is { } waiting)
            return $"{waiting.Reason}: {waiting.Message}";
        return "no reason reported";
    }

    /// <summary>Deletes the Job of that name with its pods and Secret, if there is one (one that finished while no mover followed it).</summary>
    public Task DeleteIfPresentAsync(string @namespace, string name, CancellationToken ct) => DeleteJobAsync(@namespace, name, null, ct);

    /// <summary>Deletes the Job this attempt created or adopted, unless it was replaced since (another Job of the same name).</summary>
    private Task DeleteAsync(VolumeJob job, V1Job created) =>
        DeleteJobAsync(job.Namespace, job.Name, new V1Preconditions { Uid = created.Metadata.Uid }, CancellationToken.None);

    private async Task DeleteJobAsync(string @namespace, string name, V1Preconditions? preconditions, CancellationToken ct)
    {
        try
        {
            await kubernetes.BatchV1.DeleteNamespacedJobAsync(name, @namespace,
                body: new V1DeleteOptions { PropagationPolicy = "Background", Preconditions = preconditions }, cancellationToken: ct);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
        }
    }

    private static V1JobCondition? Condition(V1Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == "True");

    private static V1ContainerStateTerminated? Terminated(V1Pod? pod) => pod?.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Terminated;

    private static string FailureOf(VolumeJob job, V1JobCondition failed, IReadOnlyList<V1Pod> pods) =>
        $"Volume job {job.Namespace}/{job.Name} for claim {job.ClaimName} failed ({failed.Reason}: {failed.Message}).{LastFailedPod(pods)}";

    /// <summary>" Its last failed pod P on N exited with code C: error line." or " ... failed: NodeLost ...", or "" when none failed.</summary>
    private static string LastFailedPod(IReadOnlyList<V1Pod> pods)
    {
        var last = pods.LastOrDefault(p => p.Status?.Phase == "Failed");
        if (last is null) return "";
        var terminated = Terminated(last);
        return $" Its last failed pod {last.Metadata.Name} on {last.Spec?.NodeName ?? "no node"}" +
            (terminated is not null ? $" exited with code {terminated.ExitCode}{(terminated.Reason is { } r ? $" ({r})" : "")}" : $" failed: {last.Status?.Reason ?? "unknown"} {last.Status?.Message}".TrimEnd()) +
            (LastLine(terminated?.Message) is { } output ? $": {output}" : ".");
    }

    /// <summary>The last line of a pod's output that is not a progress line: its error, when it failed.</summary>
    private static string? LastLine(string? output) =>
        output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => !l.StartsWith('{'));

    [LoggerMessage(Level = LogLevel.Information, Message = "Volume job {Namespace}/{Job} started on {Node}")]
    private partial void LogStarted(string @namespace, string job, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching volume job {Namespace}/{Job} was refused ({Status}); its end is seen by polling only")]
    private partial void LogWatchRefused(string @namespace, string job, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Volume job {Namespace}/{Job} exists already; following it")]
    private partial void LogAdopted(string @namespace, string job);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Volume job {Namespace}/{Job} finished: {Condition} after {Seconds:0.00} s; its pod was first seen running after {StartSeconds:0.00} s")]
    private partial void LogFinished(string @namespace, string job, string condition, double seconds, double? startSeconds);
}
