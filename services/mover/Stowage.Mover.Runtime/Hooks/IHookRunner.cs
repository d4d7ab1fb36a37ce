namespace Stowage.Mover.Runtime.Hooks;

/// <summary>One hook command in one container of one pod.</summary>
public sealed record HookInvocation(string Namespace, string Pod, string Container, IReadOnlyList<string> Command, TimeSpan Timeout)
{
    /// <summary>
    /// Names the hook by its program alone: its arguments (a password on a psql line) and its output never reach a
    /// run's status, events or logs.
    /// </summary>
    public override string ToString() => $"'{(Command.Count > 0 ? Path.GetFileName(Command[0]) : "")}' in {Namespace}/{Pod}/{Container}";

    /// <summary>The failure of a command that exited non-zero, without its output.</summary>
    public HookFailedException Exited(int exitCode) =>
        new($"Hook {this} exited with code {exitCode}. Its arguments and output are not kept (they may hold secrets): run it with kubectl exec to see them.");

    public HookFailedException TimedOut() => new($"Hook {this} did not finish within {Timeout.TotalSeconds:0.###} s.");
}

/// <summary>Runs consistency hooks (flush, checkpoint, freeze, thaw).</summary>
public interface IHookRunner
{
    /// <exception cref="HookFailedException">The command failed, timed out or could not start.</exception>
    Task RunAsync(HookInvocation hook, CancellationToken cancellationToken);
}

public sealed class HookFailedException(string message) : Exception(message);
