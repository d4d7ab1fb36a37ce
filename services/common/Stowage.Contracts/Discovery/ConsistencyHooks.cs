namespace Stowage.Contracts.Discovery;

/// <summary>Commands run in each member pod before and after its volumes are copied.</summary>
/// <param name="Before">Run in order before the copy (flush, checkpoint, freeze).</param>
/// <param name="After">Run in order after the copy (thaw), also when the copy failed.</param>
public sealed record ConsistencyHooks(IReadOnlyList<HookCommand> Before, IReadOnlyList<HookCommand> After);

/// <summary>One command run in one container.</summary>
/// <param name="Container">The container to run it in.</param>
/// <param name="Command">The command and its arguments (exec form, no shell unless the command names one).</param>
/// <param name="TimeoutSeconds">How long it may run.</param>
/// <param name="OnError"><c>Fail</c> stops the backup of this application; <c>Continue</c> copies anyway.</param>
public sealed record HookCommand(string Container, IReadOnlyList<string> Command, int TimeoutSeconds, string OnError);
