using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar;

// Not top-level statements: those would add a public global Program type, which clashes with the Program of every
// service whose tests reference this project as a library.
internal static class SidecarProgram
{
    public static async Task Main(string[] args)
    {
        var options = SidecarCommandLine.Parse(args, SidecarTokens.FromEnvironment());
        options.ConfigureLogging = logging => logging
            .AddSimpleConsole()
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("DurableTask", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting", LogLevel.Warning);
        await using var sidecar = await LocalSidecarHost.StartAsync(options);
        foreach (var endpoints in sidecar.Apps.Values)
        {
            // The tokens came from this process's environment; they are never printed.
            var variables = string.Join(' ', endpoints.EnvironmentVariables
                .Where(v => v.Key is not (SidecarTokens.AppTokenVariable or SidecarTokens.ApiTokenVariable))
                .Select(v => $"{v.Key}={v.Value}"));
            Console.WriteLine($"{endpoints.AppId}: {variables}");
        }

        var stopped = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopped.TrySetResult(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopped.TrySetResult(); });
        await stopped.Task;
    }
}
