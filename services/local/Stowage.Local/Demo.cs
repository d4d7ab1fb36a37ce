using System.Net.Http.Json;
using System.Text.Json;

namespace Stowage.Local;

/// <summary>
/// The main job on an embedded default: a PostgreSQL-like application whose volume is a local folder is discovered,
/// protected by a policy, backed up into a local repository (or the S3 target given by STOWAGE_DEMO_S3_* variables),
/// and restored into another namespace, with progress shown from the services' status APIs.
/// </summary>
internal sealed class Demo(TextWriter output)
{
    private const string Namespace = "shop";
    private const string Application = "orders-db";

    public async Task<bool> RunAsync(bool keep)
    {
        var root = keep ? Directory.CreateDirectory(Path.Combine(ServiceBinaries.RepositoryRoot(), ".stowage", "demo")).FullName : null;
        var (target, settings) = DemoTarget.FromEnvironment();
        Step($"starting the local Dapr sidecar, the five services and the console (target: {target["provider"]} {target["bucket"]})");
        settings["Console__DefaultTarget"] = JsonSerializer.Serialize(target);
        await using var installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, settings, root: root);
        Step($"web console and API: {installation.ApiUrl}/ (for the CLI: export STOWAGE_URL={installation.ApiUrl})");
        var volume = await SampleApplication.DeployAsync(installation.Kubernetes, Namespace, Application);
        await WriteTableFileAsync(Path.Combine(volume, "base", "orders-table"), 192);
        Step($"deployed {Namespace}/{Application} with its volume at {volume}");

        // Every call goes through the front door, as a user's or the CLI's would.
        using var api = installation.ApiClient();
        var suggestion = await Poll(async () => (await api.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray()
            .Select(s => (JsonElement?)s).FirstOrDefault(s => s!.Value.GetProperty("id").GetString() == $"{Namespace}/{Application}"), "discovery");
        Step($"discovery recognised it as {suggestion!.Value.GetProperty("kind").GetString()}");

        var spec = new
        {
            application = new { @namespace = Namespace, name = Application },
            target,
            schedule = new { interval = "1h" },
            retention = new { keepLast = 7 },
            hooks = new[] { new { phase = "pre", container = "postgres", command = new[] { "sh", "-c", "echo checkpoint" } } },
        };
        var created = await (await api.PostAsJsonAsync("/policies", spec)).EnsureSuccessAsync();
        var policyId = created.GetProperty("id").GetString()!;
        Step($"policy {policyId} created: every hour, keep 7; the first backup starts now");

        var runId = await Poll(async () =>
        {
            var schedule = await api.GetAsync($"/schedules/{policyId}");
            if (!schedule.IsSuccessStatusCode) return null;
            var status = (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status");
            return status.ValueKind == JsonValueKind.Object && status.TryGetProperty("currentRunId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }, "the scheduler to start the run");
        var run = await Follow(api, $"/runs/{runId}", "backup");
        if (run.GetProperty("outcome").GetString() != "Succeeded") return Fail($"backup {runId} ended {run.GetProperty("outcome")}");

        var started = await (await api.PostAsJsonAsync("/restores", new { target, application = new { @namespace = Namespace, name = Application }, targetNamespace = "shop-restored" })).EnsureSuccessAsync();
        var restored = await Follow(api, $"/restores/{started.GetProperty("restoreId").GetString()}", "restore");
        var report = restored.GetProperty("report");
        foreach (var item in report.GetProperty("resources").EnumerateArray().Concat(report.GetProperty("volumes").EnumerateArray()))
        {
            Step($"  {item.GetProperty("kind").GetString()}/{item.GetProperty("name").GetString()}: {(item.GetProperty("succeeded").GetBoolean() ? "restored" : "FAILED")} {item.GetProperty("detail").GetString()}");
        }

        var copy = Path.Combine(installation.VolumeRoot, "shop-restored", "data-orders-db-0");
        var identical = TreeFingerprint.Of(volume).SequenceEqual(TreeFingerprint.Of(copy));
        Step(identical ? $"restored volume at {copy} is byte-identical to the original" : "restored volume DIFFERS from the original");
        var succeeded = identical && report.GetProperty("outcome").GetString() == "Succeeded";
        if (keep) await StayUpAsync(installation);
        return succeeded;
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

    private async Task<JsonElement> Follow(HttpClient client, string path, string what)
    {
        var last = "";
        var queuedUntil = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                if (DateTime.UtcNow > queuedUntil) throw new TimeoutException($"{what} was requested but did not start within 120 s");
                // Requested but not started yet: the request is still on its way through pub/sub.
                if (last != "queued") Step($"{what}: queued");
                last = "queued";
                await Task.Delay(250);
                continue;
            }
            var state = await response.EnsureSuccessAsync();
            var runtime = state.GetProperty("runtimeStatus").GetString();
            var status = state.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object
                ? $"{s.GetProperty("step").GetString()} ({s.GetProperty("volumesDone").GetInt32()}/{s.GetProperty("volumesTotal").GetInt32()} volumes)"
                : runtime;
            if (state.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                status += $", {p.GetProperty("bytesProcessed").GetInt64() / 1048576.0:0.0} MiB read";
            }
            if (status != last) Step($"{what}: {status}");
            last = status!;
            if (runtime is "Completed") return state;
            if (runtime is "Failed" or "Terminated") throw new DemoFailedException($"{what} {runtime}: {state}");
            await Task.Delay(250);
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

    private void Step(string message) => output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private bool Fail(string message)
    {
        Step(message);
        return false;
    }
}

internal sealed class DemoFailedException(string message) : Exception(message);

internal static class HttpResponseExtensions
{
    public static async Task<JsonElement> EnsureSuccessAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new DemoFailedException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
