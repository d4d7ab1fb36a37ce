using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Stowage.Mover.Runtime.Hooks;

/// <summary>Runs a hook inside the application's container through the Kubernetes exec API.</summary>
public sealed class KubernetesHookRunner(IKubernetes kubernetes) : IHookRunner
{
    public async Task RunAsync(HookInvocation hook, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(hook.Timeout);
        int exitCode;
        try
        {
            // WaitAsync makes the timeout final: the client library's exec streams block in reads that only its
            // session's end releases, and a hook must not wait on that (or on a connect that ignores the token).
            exitCode = await ExecAsync(hook, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw hook.TimedOut();
        }
        catch (Exception ex) when (ex is HttpOperationException or KubernetesException or System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            throw new HookFailedException($"Hook {hook} could not run: {ex.Message}");
        }
        if (exitCode != 0) throw hook.Exited(exitCode);
    }

    private async Task<int> ExecAsync(HookInvocation hook, CancellationToken cancellationToken)
    {
        using var session = await kubernetes.MuxedStreamNamespacedPodExecAsync(hook.Pod, hook.Namespace, hook.Command, hook.Container,
            stderr: true, stdin: false, stdout: true, tty: false, cancellationToken: cancellationToken);
        using var stdout = session.GetStream(ChannelIndex.StdOut, null);
        using var stderr = session.GetStream(ChannelIndex.StdErr, null);
        using var status = session.GetStream(ChannelIndex.Error, null);
        session.Start();
        // The session's streams take no token once connected: closing the session is what ends their reads when
        // the command hangs (a stuck fsfreeze), so the timeout closes it. It is registered after Start: a session
        // closed before it started never ends its streams, and the reads below would wait forever.
        await using var close = cancellationToken.Register(() => Task.Run(session.Dispose));
        // The output is drained, never kept: it may hold secrets (see HookInvocation.ToString).
        var output = stdout.CopyToAsync(Stream.Null, CancellationToken.None);
        var error = stderr.CopyToAsync(Stream.Null, CancellationToken.None);
        using var statusReader = new StreamReader(status);
        var statusJson = await statusReader.ReadToEndAsync(CancellationToken.None);
        await output;
        await error;
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(statusJson))
            throw new KubernetesException("the exec session closed without the command's status");
        return Kubernetes.GetExitCodeOrThrow(KubernetesJson.Deserialize<V1Status>(statusJson));
    }
}
