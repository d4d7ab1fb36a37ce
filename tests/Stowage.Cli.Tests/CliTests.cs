using System.Text.Json;

namespace Stowage.Cli.Tests;

/// <summary>The CLI against a real HTTP server that answers like the front door: creating, listing, errors, where and who.</summary>
public sealed class CliTests : FakeApiTest
{
    private Task<(int Exit, string Output, string Error)> Stowage(params string[] args) => CliRun.RunAsync(Api.Url, null, Home, terminal: false, args);

    [Fact]
    public async Task Policy_create_with_flags_sends_the_spec_the_api_takes_and_describes_the_new_policy()
    {
        var (exit, output, error) = await Stowage("policy", "create", "orders-db", "-n", "shop", "--target", "s3://backups/shop/db",
            "--endpoint", "http://minio.storage:9000", "--every", "1h", "--keep", "5", "--credentials-secret", "s3-keys", "--pre-hook", "postgres=psql -c 'CHECKPOINT;'");

        Assert.Equal((0, ""), (exit, error));
        var sent = JsonDocument.Parse(Api.Requests.Single(r => r.Method == "POST").Body!).RootElement;
        Assert.Equal(("shop", "orders-db"), (sent.Text("application", "namespace"), sent.Text("application", "name")));
        Assert.Equal(("s3", "backups", "shop/db", "http://minio.storage:9000", "s3-keys"),
            (sent.Text("target", "provider"), sent.Text("target", "bucket"), sent.Text("target", "prefix"), sent.Text("target", "endpoint"), sent.Text("target", "credentials", "secretName")));
        Assert.Equal(("1h", 5L), (sent.Text("schedule", "interval"), sent.Number("retention", "keepLast")));
        var hook = sent.Items("hooks").Single();
        Assert.Equal(("pre", "postgres"), (hook.Text("phase"), hook.Text("container")));
        Assert.Equal(["sh", "-c", "psql -c 'CHECKPOINT;'"], hook.Items("command").Select(c => c.GetString()));
        Assert.Contains("shop/orders-db", output);
        Assert.Contains("every 1h", output);
        Assert.Contains("s3://backups/shop/db", output);
    }

    [Fact]
    public async Task Policy_create_takes_a_spec_file_too()
    {
        var file = Path.Combine(Home, "spec.json");
        await File.WriteAllTextAsync(file, """{"application":{"namespace":"shop","name":"cache"},"target":{"provider":"local","bucket":"backups","credentials":{}},"schedule":{"cron":"0 3 * * *"},"retention":{"keepLast":2}}""");

        var (exit, output, _) = await Stowage("policy", "create", "-f", file, "--paused");

        Assert.Equal(0, exit);
        Assert.Contains("POST /policies?paused=true", Api.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Contains("cron 0 3 * * *", output);
    }

    [Fact]
    public async Task A_refused_request_prints_the_problems_title_and_fields_on_one_line_and_exits_1()
    {
        var (exit, output, error) = await Stowage("policy", "create", "orders-db", "-n", "shop", "--target", "s3://b", "--endpoint", "http://s3", "--every", "1h");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("error: 400 One or more fields are invalid.; target.bucket: 'bucket' must be between 3 and 63 characters.", error.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("policy", "list", "--bogus")]
    [InlineData("policy", "create", "orders-db", "--keep", "seven")]
    [InlineData("backup", "now")]
    [InlineData("policy", "frobnicate")]
    [InlineData("policy", "list", "-o", "xml")]
    public async Task A_bad_command_line_prints_one_readable_line_exits_2_and_calls_nothing(params string[] args)
    {
        var (exit, output, error) = await Stowage(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", error);
        Assert.Contains("--help", error);
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task An_address_that_does_not_answer_exits_3()
    {
        var (exit, _, error) = await CliRun.RunAsync("http://127.0.0.1:1", null, Home, false, "policy", "list");

        Assert.Equal(3, exit);
        Assert.StartsWith("error: cannot reach the Stowage API at http://127.0.0.1:1", error);
    }

    [Fact]
    public async Task Lists_print_a_table_by_default_and_the_apis_json_or_yaml_on_request()
    {
        Api.AddPolicy("shop", "orders-db");
        Api.AddPolicy("other", "cache");

        var (_, table, _) = await Stowage("policy", "list", "-n", "shop");
        var (_, json, _) = await Stowage("policy", "list", "-n", "shop", "-o", "json");
        var (_, yaml, _) = await Stowage("policy", "list", "-n", "shop", "-o", "yaml");

        var lines = table.TrimEnd().Split('\n');
        Assert.Equal(["ID", "APPLICATION", "SCHEDULE", "KEEP", "TARGET", "STATUS"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["p001", "shop/orders-db", "every", "1h", "7", "s3://backups/shop", "active"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, lines.Length);
        var items = JsonDocument.Parse(json).RootElement.GetProperty("items");
        Assert.Equal("p001", items.EnumerateArray().Single().Text("id"));
        Assert.Contains("- id: p001", yaml);
        Assert.Contains("      name: orders-db", yaml);
    }

    [Fact]
    public async Task Namespace_and_token_come_from_the_flags_else_the_environment_else_the_current_kubeconfig_context()
    {
        Directory.CreateDirectory(Path.Combine(Home, ".kube"));
        await File.WriteAllTextAsync(Path.Combine(Home, ".kube", "config"), """
            apiVersion: v1
            kind: Config
            current-context: team
            contexts:
              - name: other
                context: { cluster: c, user: nobody, namespace: elsewhere }
              - name: team
                context: { cluster: c, user: ana, namespace: team-a }
            users:
              - name: nobody
                user: { token: wrong }
              - name: ana
                user: { token: kube-token-ana }
            """);

        await CliRun.RunAsync(Api.Url, null, Home, false, "policy", "list");
        await CliRun.RunAsync(Api.Url, new Dictionary<string, string> { ["STOWAGE_TOKEN"] = "env-token" }, Home, false, "policy", "list", "-n", "shop");
        await CliRun.RunAsync(Api.Url, new Dictionary<string, string> { ["STOWAGE_TOKEN"] = "env-token" }, Home, false, "policy", "list", "--token", "flag-token");

        var calls = Api.Requests.Select(r => (r.PathAndQuery, r.Authorization)).ToList();
        Assert.Equal([
            ("/policies?pageSize=500&namespace=team-a", "Bearer kube-token-ana"),
            ("/policies?pageSize=500&namespace=shop", "Bearer env-token"),
            ("/policies?pageSize=500&namespace=team-a", "Bearer flag-token"),
        ], calls);
    }

    [Fact]
    public async Task Without_any_address_the_cli_uses_the_running_local_installs_front_door()
    {
        Directory.CreateDirectory(Path.Combine(Home, ".stowage"));
        await File.WriteAllTextAsync(Path.Combine(Home, ".stowage", "local-api-url"), Api.Url);
        await File.WriteAllTextAsync(Path.Combine(Home, ".stowage", "local-api-token"), "local-operator");

        var (exit, _, _) = await CliRun.RunAsync(null, null, Home, false, "policy", "list");
        // Another address never gets the local install's token.
        await CliRun.RunAsync(Api.Url, null, Home, false, "policy", "list");

        Assert.Equal(0, exit);
        Assert.Equal(["Bearer local-operator", null], Api.Requests.Select(r => r.Authorization));
    }
}
