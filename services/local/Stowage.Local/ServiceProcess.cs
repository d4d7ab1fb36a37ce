using System.Diagnostics;

namespace Stowage.Local;

/// <summary>
/// One Stowage service as its own process (dotnet Stowage.X.dll), as it runs in production, with its output in a
/// log file. Kill and start it again to test crashes.
/// </summary>
public sealed class ServiceProcess(string name, string dllPath, int port, IReadOnlyDictionary<string, string> environment, string logDirectory) : IAsyncDisposable
{
    private Process? process;
    private int starts;

    public string Name => name;

    public string Url => $"http://127.0.0.1:{port}";

    public string LogPath => Path.Combine(logDirectory, $"{name}.log");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dllPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"=== start {++starts} ===");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync();
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.WaitForExit(10_000);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException($"{name} exited with code {process.ExitCode}; see {LogPath}.");
            try
            {
                if ((await http.GetAsync($"{Url}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{name} did not answer /healthz within 60 s; see {LogPath}.");
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
