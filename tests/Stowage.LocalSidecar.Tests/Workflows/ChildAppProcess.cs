using System.Diagnostics;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Workflows;

/// The test app of Stowage.LocalSidecar.Tests.App running as a real process (dotnet &lt;dll&gt;), pointed at the sidecar by environment.
internal sealed class ChildAppProcess : IDisposable
{
    private readonly Process _process;

    private ChildAppProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildAppProcess Start(SidecarAppEndpoints sidecar, string markerDirectory)
    {
        var info = new ProcessStartInfo("dotnet", [AppDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in sidecar.EnvironmentVariables)
        {
            info.Environment[name] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{sidecar.AppPort}";
        info.Environment["MARKER_DIR"] = markerDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildAppProcess(process);
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // The app project builds next to this one: .../tests/Stowage.LocalSidecar.Tests.App/bin/<configuration>/<tfm>/.
    private static string AppDll()
    {
        var testOutput = AppContext.BaseDirectory;
        var appOutput = testOutput.Replace(
            $"{Path.DirectorySeparatorChar}Stowage.LocalSidecar.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}Stowage.LocalSidecar.Tests.App{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal);
        var dll = Path.Combine(appOutput, "Stowage.LocalSidecar.Tests.App.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException("The test app is built by this project's reference to it; it was not found.", dll);
    }
}
