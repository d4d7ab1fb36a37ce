namespace Stowage.LocalCluster;

/// <summary>Test hooks for <c>pods/exec</c>: what a command does, and which commands were run.</summary>
public sealed partial class FakeKubernetesApiServer
{
    private readonly List<ExecCall> execCalls = [];
    private Func<ExecCall, CancellationToken, Task<ExecResult>> exec = (_, _) => Task.FromResult(new ExecResult(0));

    /// <summary>Every exec request that reached a pod, in order.</summary>
    public IReadOnlyList<ExecCall> ExecCalls
    {
        get
        {
            lock (execCalls)
            {
                return [.. execCalls];
            }
        }
    }

    /// <summary>
    /// Decides what every later exec does. The token is cancelled when the client goes away, so a command can be
    /// made to hang until then. Without a handler every command exits 0 and writes nothing.
    /// </summary>
    public void OnExec(Func<ExecCall, CancellationToken, Task<ExecResult>> handler) => exec = handler;

    /// <summary>Decides what every later exec does, at once.</summary>
    public void OnExec(Func<ExecCall, ExecResult> handler) => exec = (call, _) => Task.FromResult(handler(call));

    private Task<ExecResult> RunExecAsync(ExecCall call, CancellationToken cancellationToken)
    {
        lock (execCalls)
        {
            execCalls.Add(call);
        }
        return Volatile.Read(ref exec)(call, cancellationToken);
    }
}
