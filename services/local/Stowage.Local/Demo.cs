using System.Net.Http.Json;
using System.Text.Json;

namespace Stowage.Local;

/// <summary>
/// The main job on an embedded default: a PostgreSQL-like application whose volume is a local folder is discovered,
/// protected by a policy, backed up into a local repository (or the S3 target given by STOWAGE_DEMO_S3_* variables),
/// and restored into another namespace. Policy, backup and restore go through the stowage CLI, run as a person would
/// type it, each command line printed before its output.
/// </summary>
internal sealed class Demo(TextWriter output)
{
    private const string Namespace = "shop";
    private const string Application = "orders-db";

    public async Task<bool> RunAsync(bool keep)
    {
        var root = keep ? Directory.CreateDirectory(Path.Combine(ServiceBinaries.RepositoryRoot(), ".stowage", "demo")).FullName : null;
        var (target, settings) = DemoTarget.FromEnvironment();
        // Before anything starts: a CLI that is not built fails the demo at once, with the path it looked for.
        var cliDll = ServiceBinaries.CliDll();
        Step($"starting the local Dapr sidecar, the five services and the console (target: {target["provider"]} {target["bucket"]})");
        settings["Console__DefaultTarget"] = JsonSerializer.Serialize(target);
        await using var installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, settings, root: root);
        Step($"web console and API: {installation.ApiUrl}/ (for the CLI: export STOWAGE_URL={installation.ApiUrl})");
        var volume = await SampleApplication.DeployAsync(installation.Kubernetes, Namespace, Application);
        await WriteTableFileAsync(Path.Combine(volume, "base", "orders-table"), 192);
        Step($"deployed {Namespace}/{Application} with its volume at {volume}");

        // Discovery has no CLI command; the demo asks the front door, as the console does.
        using var api = installation.ApiClient();
        var suggestion = await Poll(async () => (await api.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray()
            .Select(s => (JsonElement?)s).FirstOrDefault(s => s!.Value.GetProperty("id").GetString() == $"{Namespace}/{Application}"), "discovery");
        Step($"discovery recognised it as {suggestion!.Value.GetProperty("kind").GetString()}");

        Step("from here on, the stowage CLI as a person types it, with STOWAGE_URL as above and STOWAGE_TOKEN (the operator's) exported");
        var cli = new StowageCli(cliDll, installation.ApiUrl!, installation.OperatorToken, Step);
        await cli.RunAsync(["policy", "create", Application, "-n", Namespace, .. DemoTarget.CliFlags(target), "--every", "1h", "--keep", "7", "--pre-hook", "postgres=echo checkpoint"]);
        Step("a new policy's first backup starts at once; 'backup now' runs another after it, which finds the data already stored");
        await cli.RunAsync("backup", "now", Application, "-n", Namespace, "--wait");
        await cli.RunAsync("backup", "list", "-n", Namespace);
        // --wait exits non-zero unless the restore succeeded; its table is the report, per resource and volume.
        await cli.RunAsync("restore", "create", "--from", $"{Application}@latest", "-n", Namespace, "--to-namespace", "shop-restored", "--wait");

        var copy = Path.Combine(installation.VolumeRoot, "shop-restored", "data-orders-db-0");
        var identical = TreeFingerprint.Of(volume).SequenceEqual(TreeFingerprint.Of(copy));
        Step(identical ? $"restored volume at {copy} is byte-identical to the original" : "restored volume DIFFERS from the original");
        if (keep) await StayUpAsync(installation);
        return identical;
    }

    /// <summary>With --keep, everything stays up so a person can look around in the console, until Ctrl+C.</summary>
    private async Task StayUpAsync(LocalInstallation installation)
    {
        Step($"kept everything under {installation.Root} (repository, volumes, service logs)");
        Step($"the console and the API stay up at {installation.ApiUrl}/ ; press Ctrl+C to stop");
        // The stowage CLI finds this install's front door here when neither --server nor STOWAGE_URL says otherwise.
        var addressFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".stowage", "local-api-url");
        var tokenFile = Path.Combine(Path.GetDirectoryName(addressFile)!, "local-api-token");
        Directory.CreateDirectory(Path.GetDirectoryName(addressFile)!);
        await File.WriteAllTextAsync(addressFile, installation.ApiUrl);
        // The operator's token, for the owner only (UnixCreateMode sets the mode as the file is made).
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var token = new FileStream(tokenFile, owner))
        {
            await token.WriteAsync(System.Text.Encoding.UTF8.GetBytes(installation.OperatorToken));
        }
        Step($"the stowage CLI uses it by default (written to {addressFile}, its operator token beside it), e.g. stowage policy list -n {Namespace}");
        var stop = new TaskCompletionSource();
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        void Stop(System.Runtime.InteropServices.PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.TrySetResult();
        }
        try
        {
            await stop.Task;
        }
        finally
        {
            File.Delete(addressFile);
            File.Delete(tokenFile);
        }
    }

    /// <summary>A larger file, half random and half repetitive like table pages, so the copy takes long enough to show progress.</summary>
    private static async Task WriteTableFileAsync(string path, int mebibytes)
    {
        var random = new Random(11);
        var block = new byte[1024 * 1024];
        await using var file = File.Create(path);
        for (var i = 0; i < mebibytes; i++)
        {
            if (i % 2 == 0) random.NextBytes(block);
            else Array.Fill(block, (byte)(i % 251));
            await file.WriteAsync(block);
        }
    }

    private static async Task<T> Poll<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        throw new TimeoutException($"timed out waiting for {what}");
    }

    // The CLI's output arrives on the process's reader threads.
    private void Step(string message)
    {
        lock (output) output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
    }
}

internal sealed class DemoFailedException(string message) : Exception(message);
