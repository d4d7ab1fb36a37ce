using System.Diagnostics;
using Stowage.LocalCluster;

namespace Stowage.EndToEnd.Tests;

/// <summary>
/// The real `stowage` CLI, as a child process, against the five services through the console's front door: a policy
/// made with flags, a backup followed with --wait, lists as a table and as JSON, a restore followed with --wait,
/// and the errors a script relies on.
/// </summary>
public sealed class CliTests : IAsyncLifetime
{
    private LocalInstallation installation = null!;

    public async Task InitializeAsync()
    {
        installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole,
            new Dictionary<string, string> { ["Credentials__e2e__RepositoryPassword"] = "cli end-to-end password" });
        await SampleApplication.DeployAsync(installation.Kubernetes, "shop", "orders-db");
        using var api = installation.ApiClient();
        await Eventually.TrueAsync(async () => (await api.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray().Any(s => s.GetProperty("id").GetString() == "shop/orders-db"),
            "discovery to announce shop/orders-db", TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync() => await installation.DisposeAsync();

    [Fact]
    public async Task Protect_back_up_list_and_restore_with_the_cli()
    {
        var created = await StowageAsync("policy", "create", "orders-db", "-n", "shop", "--target", "local://cli-backups/shop", "--credentials-config", "e2e", "--every", "1h", "--keep", "3", "--pre-hook", "postgres=echo checkpoint");
        Assert.True(created.Exit == 0, created.Error);
        Assert.Contains("shop/orders-db", created.Output);

        var backup = await StowageAsync("backup", "now", "orders-db", "-n", "shop", "--wait");
        Assert.True(backup.Exit == 0, backup.Error);
        Assert.Contains("State:    Succeeded", backup.Output);

        var table = await StowageAsync("backup", "list", "-n", "shop");
        Assert.StartsWith("RUN ", table.Output);
        Assert.Contains("manual", table.Output);
        var json = await StowageAsync("backup", "list", "-n", "shop", "-o", "json");
        var runs = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.Contains(runs, r => r.GetProperty("trigger").GetString() == "manual" && r.GetProperty("state").GetString() == "Succeeded");

        var restore = await StowageAsync("restore", "create", "--from", "orders-db@latest", "-n", "shop", "--to-namespace", "shop-restored", "--wait");
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Matches(@"StatefulSet\s+orders-db\s+restored", restore.Output);
        Assert.True(Directory.Exists(Path.Combine(installation.VolumeRoot, "shop-restored", "data-orders-db-0")));
    }

    [Fact]
    public async Task A_bad_flag_is_one_line_and_exit_2_and_a_refused_request_names_the_problem_and_its_fields()
    {
        var bad = await StowageAsync("policy", "list", "--colour");
        Assert.Equal(2, bad.Exit);
        Assert.Equal(["error: Unrecognized command or argument '--colour'. (see 'stowage policy list --help')"], bad.Error.TrimEnd().Split('\n'));

        var refused = await StowageAsync("policy", "create", "orders-db", "-n", "shop", "--target", "s3://x", "--endpoint", "http://169.254.169.254", "--every", "1h", "--credentials-secret", "s3");
        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("error: 400 One or more fields are invalid.; ", refused.Error);
        Assert.Contains("target.bucket: ", refused.Error);
        Assert.Contains("target.endpoint: ", refused.Error);
    }

    private async Task<(int Exit, string Output, string Error)> StowageAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServiceBinaries.CliDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["STOWAGE_URL"] = installation.ApiUrl;
        start.Environment["STOWAGE_TOKEN"] = installation.OperatorToken;
        start.Environment["HOME"] = installation.Root;
        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        return (process.ExitCode, await output, await error);
    }
}
