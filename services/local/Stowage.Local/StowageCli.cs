using System.Diagnostics;

namespace Stowage.Local;

/// <summary>
/// The built <c>stowage</c> CLI as a child process (<c>dotnet stowage.dll ...</c>), calling one install's front door as
/// its operator (STOWAGE_URL and STOWAGE_TOKEN, as a person would export them). Each run prints its command line as a
/// person would type it, then the CLI's output line by line as it comes.
/// </summary>
internal sealed class StowageCli(string dll, string server, string token, Action<string> print)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>stowage ARGS</c> and returns what it printed; a non-zero exit fails the demo with the CLI's own line.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        print($"$ stowage {string.Join(' ', args.Select(Quoted))}");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["STOWAGE_URL"] = server;
        start.Environment["STOWAGE_TOKEN"] = token;
        var command = $"stowage {string.Join(' ', args.Take(2))}";
        using var process = Process.Start(start) ?? throw new DemoFailedException($"could not start dotnet {dll}");
        var output = new List<string>();
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new DemoFailedException($"{command} did not finish within {Patience.TotalMinutes:0} minutes");
        }
        // The exit is known before the last lines are read; this waits for the streams' end.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var line = errors.LastOrDefault(e => e.Length > 0) ?? $"no message, exit {process.ExitCode}";
            throw new DemoFailedException($"{command} exited {process.ExitCode}: {line}");
        }
        lock (output) return string.Join('\n', output);
    }

    private void Keep(List<string> lines, string? line)
    {
        if (line is null) return;
        lock (lines) lines.Add(line);
        // Tables pad their last column; the padding is noise in a log.
        print($"  {line}".TrimEnd());
    }

    // POSIX single quotes, so the line can be pasted into a shell as printed.
    private static string Quoted(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''")}'";
}
