namespace Stowage.Cli.Tests;

/// <summary>Finding, changing and deleting policies, and completing command lines.</summary>
public sealed class PolicyTests : FakeApiTest
{
    private Task<(int Exit, string Output, string Error)> Stowage(params string[] args) => CliRun.RunAsync(Api.Url, null, Home, terminal: false, args);

    [Fact]
    public async Task A_policy_is_found_by_its_id_or_by_its_applications_name()
    {
        var id = Api.AddPolicy("shop", "orders-db");

        var (byId, idOutput, _) = await Stowage("policy", "get", id);
        var (byName, nameOutput, _) = await Stowage("policy", "get", "orders-db", "-n", "shop");
        var (missing, _, error) = await Stowage("policy", "get", "orders-db", "-n", "elsewhere");

        Assert.Equal((0, 0), (byId, byName));
        Assert.Equal(idOutput, nameOutput);
        Assert.Contains("Application:  shop/orders-db", idOutput);
        Assert.Equal(1, missing);
        Assert.Contains("application elsewhere/orders-db has none", error);
    }

    [Fact]
    public async Task Pause_resume_and_delete_act_on_the_applications_policy()
    {
        var id = Api.AddPolicy("shop", "orders-db");

        var (paused, pausedOutput, _) = await Stowage("policy", "pause", "orders-db", "-n", "shop", "--reason", "migration");
        var (resumed, _, _) = await Stowage("policy", "resume", id);
        var (deleted, deletedOutput, _) = await Stowage("policy", "delete", id);

        Assert.Equal((0, 0, 0), (paused, resumed, deleted));
        Assert.Contains("paused", pausedOutput);
        Assert.Contains($"policy {id} of shop/orders-db", deletedOutput);
        var writes = Api.Requests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.PathAndQuery}");
        Assert.Equal([$"POST /policies/{id}/pause?reason=migration", $"POST /policies/{id}/resume", $"DELETE /policies/{id}"], writes);
    }

    [Fact]
    public async Task Shell_completion_answers_through_the_suggest_directive()
    {
        var (exit, output, _) = await Stowage("[suggest:17]", "stowage policy cr");
        var (_, script, _) = await Stowage("completion", "bash");

        Assert.Equal(0, exit);
        var suggested = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("create", suggested);
        Assert.DoesNotContain("list", suggested);
        Assert.Contains("stowage \"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\"", script);
    }
}
