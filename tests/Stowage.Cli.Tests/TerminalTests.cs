using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Stowage.Cli.Tests;

/// <summary>
/// The progress bar in a real terminal: tmux runs the built `stowage` with --wait against the fake front door, and
/// capture-pane reads the screen partway (bytes of the estimate, rate, time left) and after the end (100 %).
/// </summary>
public sealed class TerminalTests : IAsyncLifetime
{
    private const string CopyingPartway = @"copying \(0/1 volumes\).*\s(25|50|75)%\s+(40|80|120)\.0 MiB of ~160\.0 MiB";
    private readonly string session = $"stowage-cli-{Guid.NewGuid():N}"[..24];
    private FakeApi api = null!;

    public async Task InitializeAsync() => api = await FakeApi.StartAsync();

    public async Task DisposeAsync()
    {
        await TmuxAsync("kill-session", "-t", session);
        await api.DisposeAsync();
    }

    [Fact]
    public async Task The_bar_shows_bytes_of_the_estimate_partway_and_100_percent_at_the_end()
    {
        api.AddPolicy("shop", "orders-db");
        var cli = Path.Combine(AppContext.BaseDirectory, "stowage.dll");
        var home = Directory.CreateTempSubdirectory("stowage-cli-tty-").FullName;
        await TmuxAsync("new-session", "-d", "-s", session, "-x", "150", "-y", "20", "-e", $"STOWAGE_URL={api.Url}", "-e", $"HOME={home}",
            $"dotnet {cli} backup now orders-db -n shop --wait; echo \"exit=$?\"; sleep 60");

        // The queued line already shows "of ~160.0 MiB", so wait for the copying line itself (the fake moves on per look).
        var partway = await ScreenWhenAsync(screen => Regex.IsMatch(screen, CopyingPartway));
        var finished = await ScreenWhenAsync(screen => screen.Contains("exit="));

        Assert.Matches(@"backup p001-r1", partway);
        Assert.Matches(CopyingPartway, partway);
        Assert.Matches(@"Succeeded .*100%\s+160\.0 MiB", finished);
        Assert.Contains("exit=0", finished);
    }

    private async Task<string> ScreenWhenAsync(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = await TmuxAsync("capture-pane", "-p", "-t", session);
            if (condition(screen)) return screen;
            await Task.Delay(100);
        }
        Assert.Fail($"the terminal never showed what was expected; last screen:\n{screen}");
        return screen;
    }

    private static async Task<string> TmuxAsync(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
