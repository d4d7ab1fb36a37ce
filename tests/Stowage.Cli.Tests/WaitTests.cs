using System.Text.Json;

namespace Stowage.Cli.Tests;

/// <summary>backup now and restore create, with and without --wait.</summary>
public sealed class WaitTests : FakeApiTest
{
    [Fact]
    public async Task Backup_now_without_wait_prints_the_new_run()
    {
        var id = Api.AddPolicy("shop", "orders-db");

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, false, "backup", "now", "orders-db", "-n", "shop");

        Assert.Equal(0, exit);
        Assert.Contains($"Run:     {id}-r1", output);
        Assert.Contains($"POST /schedules/{id}/run-now", Api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task Backup_now_waits_with_a_line_per_change_when_not_in_a_terminal()
    {
        Api.AddPolicy("shop", "orders-db");

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, false, "backup", "now", "orders-db", "-n", "shop", "--wait");

        Assert.Equal(0, exit);
        Assert.Contains("copying (0/1 volumes), 40.0 MiB read", output);
        Assert.Contains("copying (0/1 volumes), 120.0 MiB read", output);
        Assert.Contains("Succeeded, 160.0 MiB read", output);
        Assert.Contains("State:    Succeeded", output);
    }

    [Fact]
    public async Task A_run_that_reports_no_progress_is_followed_without_claiming_bytes_read()
    {
        Api.AddPolicy("shop", "quiet");

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, false, "backup", "now", "quiet", "-n", "shop", "--wait");

        Assert.Equal(0, exit);
        Assert.Contains("backup p001-r1: copying (0/1 volumes)\n", output);
        Assert.Contains("backup p001-r1: Succeeded\n", output);
        Assert.DoesNotContain(" read", output);
    }

    [Fact]
    public async Task Backup_now_waits_with_a_live_bar_of_bytes_rate_and_time_left_in_a_terminal()
    {
        Api.AddPolicy("shop", "orders-db", sourceBytes: 4 * FakeApi.BytesPerLook);

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, true, TimeSpan.FromMilliseconds(300), "backup", "now", "orders-db", "-n", "shop", "--wait");

        Assert.Equal(0, exit);
        // Partway: bytes read of the last run's size; at the end: 100 % and all of it.
        Assert.Contains("40.0 MiB of ~160.0 MiB", output);
        Assert.Contains("100%", output);
        Assert.Matches(@"160\.0 MiB\s+[0-9.]+ [KMG]?i?B/s", System.Text.RegularExpressions.Regex.Replace(output, @"\x1b\[[0-9;?]*[A-Za-z]", ""));
    }

    [Fact]
    public async Task The_bar_keeps_the_last_bytes_read_when_the_finished_run_reports_no_progress()
    {
        Api.AddPolicy("shop", "settled", sourceBytes: 4 * FakeApi.BytesPerLook);

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, true, TimeSpan.FromMilliseconds(300), "backup", "now", "settled", "-n", "shop", "--wait");

        var screen = System.Text.RegularExpressions.Regex.Replace(output, @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Equal(0, exit);
        Assert.Matches(@"100%\s+120\.0 MiB", screen);
        Assert.DoesNotMatch(@"100%\s+0 B", screen);
    }

    [Fact]
    public async Task A_waited_for_backup_that_fails_exits_4_with_its_reason()
    {
        Api.AddPolicy("shop", "broken");

        var (exit, _, error) = await CliRun.RunAsync(Api.Url, null, Home, false, "backup", "now", "broken", "-n", "shop", "--wait");

        Assert.Equal(4, exit);
        Assert.Equal($"error: backup p001-r1 ended Failed: pre-copy hook failed: exit 3", error.TrimEnd('\n'));
    }

    [Fact]
    public async Task A_backup_of_a_paused_policy_is_refused_with_the_schedulers_reason()
    {
        var id = Api.AddPolicy("shop", "orders-db");
        await CliRun.RunAsync(Api.Url, null, Home, false, "policy", "pause", id);

        var (exit, _, error) = await CliRun.RunAsync(Api.Url, null, Home, false, "backup", "now", id, "--wait");

        Assert.Equal(1, exit);
        Assert.Equal($"error: 409 Conflict: Policy '{id}' has no running schedule: resume it first, or check the id.", error.TrimEnd('\n'));
    }

    [Fact]
    public async Task Restore_create_takes_the_bucket_from_the_policy_and_waits_for_the_report()
    {
        Api.AddPolicy("shop", "orders-db");

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, false, "restore", "create", "--from", "orders-db@latest", "-n", "shop",
            "--to-namespace", "shop-restored", "--storage-class-map", "fast=standard", "--wait");

        Assert.Equal(0, exit);
        var sent = JsonDocument.Parse(Api.Requests.Single(r => r.Method == "POST").Body!).RootElement;
        Assert.Equal(("s3", "backups", "http://s3.local"), (sent.Text("target", "provider"), sent.Text("target", "bucket"), sent.Text("target", "endpoint")));
        Assert.Equal(("shop", "orders-db", "shop-restored", null), (sent.Text("application", "namespace"), sent.Text("application", "name"), sent.Text("targetNamespace"), sent.Text("runId")));
        Assert.Equal("standard", sent.Text("storageClassMap", "fast"));
        Assert.Contains("restore restore-1: restoring data (0/1 volumes)", output);
        Assert.Matches(@"StatefulSet\s+orders-db\s+restored", output);
        Assert.Matches(@"Volume\s+data\s+restored\s+24 files", output);
    }

    [Fact]
    public async Task Restore_create_of_a_given_run_names_it_and_without_wait_prints_the_restore_id()
    {
        Api.AddPolicy("shop", "orders-db");

        var (exit, output, _) = await CliRun.RunAsync(Api.Url, null, Home, false, "restore", "create", "--from", "orders-db@p001-r0", "-n", "shop", "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal("p001-r0", JsonDocument.Parse(Api.Requests.Single(r => r.Method == "POST").Body!).RootElement.Text("runId"));
        Assert.Equal("restore-1", JsonDocument.Parse(output).RootElement.Text("restoreId"));
    }
}
