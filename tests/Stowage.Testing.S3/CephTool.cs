using System.Diagnostics;

namespace Stowage.Testing.S3;

/// <summary>Runs one short-lived Ceph command-line tool and turns a failure into a readable start-up error.</summary>
internal static class CephTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string step, string tool, IEnumerable<string> arguments, string? logToQuote, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Start(step, info);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new RadosGatewayStartException(
                $"{step} did not finish within {Timeout.TotalSeconds:0} s ({Describe(info)}).{LogTail.Quote(logToQuote)}");
        }

        if (process.ExitCode != 0)
        {
            throw new RadosGatewayStartException(
                $"{step} failed with exit code {process.ExitCode} ({Describe(info)})." +
                $"{LogTail.QuoteText(await stderr, "stderr")}{LogTail.QuoteText(await stdout, "stdout")}{LogTail.Quote(logToQuote)}");
        }

        return await stdout;
    }

    public static Process Start(string step, ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new RadosGatewayStartException($"{step}: {info.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RadosGatewayStartException($"{step}: cannot run {info.FileName}. {Prerequisites.InstallHint}", e);
        }
    }

    private static string Describe(ProcessStartInfo info) => $"{info.FileName} {string.Join(' ', info.ArgumentList)}";
}
