using System.Text;
using System.Text.Json.Nodes;
using Dapr.DurableTask.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests;

/// <summary>A backed-up Secret comes back, and its data never enters workflow state (activity inputs and outputs) on the way.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class SecretRestoreTests(S3ServerFixture s3)
{
    private const string Password = "correct-horse-battery-staple-7f3a";

    [Fact]
    public async Task A_restored_Secret_is_created_and_its_data_is_nowhere_in_the_workflow_history_or_the_sidecar_state()
    {
        await using var cluster = await StowageCluster.StartAsync(s3, services: ["restore"]);
        var target = StowageApi.S3Target(cluster, await s3.CreateBucketAsync("e2e-secret-restore"));
        await RecordRunAsync(target);

        var report = await StowageApi.RestoreAsync(cluster, new RestoreRequest(target, RunId: "secret-run", TargetNamespace: "shop-copy"));

        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        var secret = cluster.Kubernetes.Get("v1", "Secret", "shop-copy", "db-credentials");
        Assert.Equal(Base64(Password), (string?)secret!["data"]!["password"]);
        Assert.Equal("mode-primary", (string?)cluster.Kubernetes.Get("v1", "ConfigMap", "shop-copy", "db-config")!["data"]!["mode"]);

        var restoreId = (await RestoreIdsAsync(cluster)).Single();
        var history = await HistoryAsync(cluster, restoreId);
        Assert.Contains(history, e => e.TaskScheduled?.Name == "RecreateResourcesActivity");
        Assert.Contains("db-credentials", string.Join("\n", history.Select(e => e.ToString())));
        foreach (var value in new[] { Password, Base64(Password) })
        {
            Assert.DoesNotContain(history, e => e.ToString().Contains(value, StringComparison.Ordinal));
            Assert.False(SidecarDatabaseHolds(cluster, value), $"the sidecar's database holds '{value}'");
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task<IReadOnlyList<string>> RestoreIdsAsync(StowageCluster cluster)
    {
        using var client = WorkflowClient(cluster, out var headers);
        var ids = await client.ListInstanceIDsAsync(new ListInstanceIDsRequest(), headers);
        return ids.InstanceIds;
    }

    private static async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(StowageCluster cluster, string instanceId)
    {
        using var client = WorkflowClient(cluster, out var headers);
        return (await client.GetInstanceHistoryAsync(new GetInstanceHistoryRequest { InstanceId = instanceId }, headers)).Events;
    }

    private static DisposableClient WorkflowClient(StowageCluster cluster, out Metadata headers)
    {
        var endpoints = cluster.Installation.Sidecar("stowage-restore");
        headers = [];
        if (endpoints.Tokens?.ApiToken is { } token) headers.Add("dapr-api-token", token);
        return new DisposableClient(GrpcChannel.ForAddress(endpoints.GrpcEndpoint));
    }

    private sealed class DisposableClient(GrpcChannel channel) : TaskHubSidecarService.TaskHubSidecarServiceClient(channel), IDisposable
    {
        public void Dispose() => channel.Dispose();
    }

    private static bool SidecarDatabaseHolds(StowageCluster cluster, string value)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        foreach (var file in Directory.EnumerateFiles(cluster.Installation.Root, Path.GetFileName(cluster.Installation.SidecarDatabase) + "*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(needle) >= 0) return true;
        }
        return false;
    }

    private Task RecordRunAsync(BackupTarget target) => BucketRuns.WriteAsync(s3, target, runs =>
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "db-credentials" },
            ["type"] = "Opaque", ["data"] = new JsonObject { ["password"] = Base64(Password) },
        };
        var config = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "db-config" }, ["data"] = new JsonObject { ["mode"] = "mode-primary" } };
        return runs.RecordRunAsync(new RunManifest("secret-run", "policy-secret", new ApplicationRef("shop", "db"), DateTimeOffset.UtcNow, null, [secret, config], [], []), CancellationToken.None);
    });
}
