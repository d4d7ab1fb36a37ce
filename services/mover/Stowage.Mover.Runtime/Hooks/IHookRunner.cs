namespace Stowage.Mover.Runtime.Hooks;

/// <summary>One hook command in one container of one pod.</summary>
public sealed record HookInvocation(string Namespace, string Pod, string Container, IReadOnlyList<string> Command, TimeSpan Timeout)
{
    public override string ToString() => $"'{string.Join(' ', Command)}' in {Namespace}/{Pod}/{Container}";

    public HookFailedException TimedOut() => new($"Hook {this} did not finish within {Timeout.TotalSeconds:0.###} s.");
}

/// <summary>Runs consistency hooks (flush, checkpoint, freeze, thaw).</summary>
public interface IHookRunner
{
    /// <exception cref="HookFailedException">The command failed, timed out or could not start.</exception>
    Task RunAsync(HookInvocation hook, CancellationToken cancellationToken);
}

public sealed class HookFailedException(string message) : Exception(message);
