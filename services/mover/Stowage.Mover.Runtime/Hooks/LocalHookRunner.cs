using System.Diagnostics;

namespace Stowage.Mover.Runtime.Hooks;

/// <summary>
/// Runs a hook as a process on this machine, for single-machine installs where the application's volumes are local
/// folders. STOWAGE_HOOK_NAMESPACE/POD/CONTAINER tell the command which member it stands for.
/// </summary>
public sealed class LocalHookRunner : IHookRunner
{
    public async Task RunAsync(HookInvocation hook, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(hook.Command[0]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in hook.Command.Skip(1)) start.ArgumentList.Add(argument);
        start.Environment["STOWAGE_HOOK_NAMESPACE"] = hook.Namespace;
        start.Environment["STOWAGE_HOOK_POD"] = hook.Pod;
        start.Environment["STOWAGE_HOOK_CONTAINER"] = hook.Container;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new HookFailedException($"Hook {hook} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new HookFailedException($"Hook {hook} could not start: {ex.Message}.");
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(hook.Timeout);
            // Drained so the command never blocks on a full pipe; never kept (see HookInvocation.ToString).
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw hook.TimedOut();
            }
            if (process.ExitCode != 0)
            {
                throw hook.Exited(process.ExitCode);
            }
        }
    }
}
