using System.Text.Json.Nodes;
using Stowage.Mover.Runtime.Hooks;
using Stowage.LocalCluster;

namespace Stowage.Mover.Tests.Runtime;

public sealed class KubernetesHookRunnerTests : IAsyncLifetime
{
    private static readonly string[] Freeze = ["fsfreeze", "--freeze", "/var/lib/postgresql/data"];
    private readonly TaskCompletionSource neverFinishes = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeKubernetesApiServer kubernetes = null!;

    public async Task InitializeAsync()
    {
        kubernetes = await FakeKubernetesApiServer.StartAsync();
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "db-0", ["namespace"] = "shop" },
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(
                    new JsonObject { ["name"] = "db", ["image"] = "postgres:16" },
                    new JsonObject { ["name"] = "metrics", ["image"] = "postgres-exporter:0.15" }),
            },
        });
    }

    public async Task DisposeAsync()
    {
        neverFinishes.TrySetResult();
        await kubernetes.DisposeAsync();
    }

    private Task RunAsync(string pod, TimeSpan? timeout = null) =>
        new KubernetesHookRunner(kubernetes.CreateClient())
            .RunAsync(new HookInvocation("shop", pod, "db", Freeze, timeout ?? TimeSpan.FromSeconds(30)), CancellationToken.None);

    [Fact]
    public async Task A_hook_that_exits_0_runs_its_command_in_the_named_container_and_returns()
    {
        kubernetes.OnExec(_ => new ExecResult(0, Stdout: "frozen\n"));

        await RunAsync("db-0");

        Assert.Equal([new ExecCall("shop", "db-0", "db", Freeze)], kubernetes.ExecCalls);
    }

    [Fact]
    public async Task A_hook_that_exits_non_zero_fails_with_its_exit_code_and_quotes_neither_its_arguments_nor_its_output()
    {
        kubernetes.OnExec(_ => new ExecResult(3, Stderr: "fsfreeze: cannot open /var/lib/postgresql/data: Permission denied\n"));

        var error = await Assert.ThrowsAsync<HookFailedException>(() => RunAsync("db-0"));

        Assert.Contains("'fsfreeze' in shop/db-0/db", error.Message);
        Assert.Contains("exited with code 3", error.Message);
        Assert.DoesNotContain("/var/lib/postgresql/data", error.Message);
        Assert.DoesNotContain("Permission denied", error.Message);
    }

    [Fact]
    public async Task A_hook_in_a_pod_that_does_not_exist_fails_as_could_not_run()
    {
        var error = await Assert.ThrowsAsync<HookFailedException>(() => RunAsync("db-9"));

        Assert.Contains("shop/db-9/db", error.Message);
        Assert.Contains("could not run", error.Message);
        Assert.Empty(kubernetes.ExecCalls);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_hook_that_outlives_its_timeout_fails_as_timed_out()
    {
        kubernetes.OnExec(async (_, aborted) =>
        {
            await neverFinishes.Task.WaitAsync(aborted);
            return new ExecResult(0);
        });

        var error = await Assert.ThrowsAsync<HookFailedException>(() => RunAsync("db-0", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("did not finish within", error.Message);
    }
}
