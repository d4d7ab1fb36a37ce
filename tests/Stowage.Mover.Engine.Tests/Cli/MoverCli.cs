using System.Diagnostics;
using System.Text.Json;
using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

/// <summary>
/// Runs the real stowage-mover.dll (built next to the tests) as a child process against one repository.
/// The password reaches only the child's environment; a run that hangs is killed and fails the test.
/// </summary>
internal sealed class MoverCli(string repository, string password = MoverCli.Password)
{
    public const string Password = "correct horse battery staple";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public Task<Result> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string> { ["STOWAGE_PASSWORD"] = password }, [.. args, "--repo", repository]);

    public async Task<Result> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"stowage-mover {string.Join(' ', args)}: {result}");
        return result;
    }

    /// <summary>A repository at temp/repo holding one backup of the tree createTree made at temp/source.</summary>
    public static async Task<MoverCli> WithOneBackupAsync(TempDirectory temp, Action<string> createTree)
    {
        createTree(temp.Sub("source"));
        var cli = new MoverCli(temp.Sub("repo"));
        await cli.SucceedAsync("init");
        await cli.SucceedAsync("backup", temp.Sub("source"));
        return cli;
    }

    /// <summary>Snapshot ids as <c>snapshots --json</c> lists them, oldest first.</summary>
    public async Task<List<string>> SnapshotIdsAsync()
    {
        using var json = JsonDocument.Parse((await SucceedAsync("snapshots", "--json")).Stdout);
        return json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Runs with exactly the given STOWAGE_* variables (none inherited from the test process) and no implicit --repo.</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stowage-mover.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("STOWAGE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"stowage-mover {string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s.");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
