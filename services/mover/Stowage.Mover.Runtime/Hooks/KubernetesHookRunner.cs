using k8s;

namespace Stowage.Mover.Runtime.Hooks;

/// <summary>Runs a hook inside the application's container through the Kubernetes exec API.</summary>
public sealed class KubernetesHookRunner(IKubernetes kubernetes) : IHookRunner
{
    public async Task RunAsync(HookInvocation hook, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(hook.Timeout);
        string error = "";
        int exitCode;
        try
        {
            exitCode = await kubernetes.NamespacedPodExecAsync(hook.Pod, hook.Namespace, hook.Container, hook.Command, tty: false,
                async (_, stdout, stderr) =>
                {
                    using var reader = new StreamReader(stderr);
                    error = await reader.ReadToEndAsync(timeout.Token);
                }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HookFailedException($"Hook {hook} did not finish within {hook.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is k8s.Autorest.HttpOperationException or System.Net.WebSockets.WebSocketException or HttpRequestException)
        {
            throw new HookFailedException($"Hook {hook} could not run: {ex.Message}");
        }
        if (exitCode != 0) throw new HookFailedException($"Hook {hook} exited with code {exitCode}: {error.Trim()}");
    }
}
