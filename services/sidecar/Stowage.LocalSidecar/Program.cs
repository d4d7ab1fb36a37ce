using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar;

// A named entry point rather than top-level statements: the web SDK makes a top-level Program public,
// which would clash with the services' Program in test projects that reference both.
internal static class SidecarProgram
{
    public static async Task Main(string[] args)
    {
        var options = SidecarCommandLine.Parse(args);
        options.ConfigureLogging = logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        await using var sidecar = await LocalSidecarHost.StartAsync(options);
        foreach (var endpoints in sidecar.Apps.Values)
        {
            var variables = string.Join(' ', endpoints.EnvironmentVariables.Select(v => $"{v.Key}={v.Value}"));
            Console.WriteLine($"{endpoints.AppId}: {variables}");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
