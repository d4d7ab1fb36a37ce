using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Stowage.Common.EventSourcing;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests;

/// <summary>
/// Teams restore only what they could make themselves: the API server's RBAC decides, with the ClusterRoles the
/// chart ships, and a refused restore writes nothing.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class TenantRestoreTests(S3ServerFixture s3)
{
    [Fact]
    public async Task A_team_restores_into_its_own_namespace_only_what_it_may_read_and_create()
    {
        await using var cluster = await StowageCluster.StartAsync(s3, services: ["restore"]);
        var target = StowageApi.S3Target(cluster, await s3.CreateBucketAsync("e2e-tenant-restore"));
        await ForgeRunAsync(target);
        var kubernetes = cluster.Kubernetes;
        var outsider = await RoleBindings.UserAsync(kubernetes, "outsider", "stowage-edit", "shop-copy");
        await RoleBindings.GrantAsync(kubernetes, "reader", "stowage-view", "shop");
        var reader = await RoleBindings.UserAsync(kubernetes, "reader", "stowage-edit", "shop-copy");

        // Asked by application, the source namespace is known at once: 403, no restore starts.
        using (var restore = cluster.Client("restore", outsider))
        {
            using var refused = await restore.PostAsJsonAsync("/restores",
                new RestoreRequest(target, Application: new ApplicationRef("shop", "db"), TargetNamespace: "shop-copy"), EventJson.Options);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("get backups.stowage.io in namespace \"shop\"", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        }

        // Asked by run id, the backup must be read to know where it came from: the restore fails before writing.
        var byRun = await StowageApi.RestoreAsync(cluster, new RestoreRequest(target, RunId: "tenant-run", TargetNamespace: "shop-copy"), outsider);
        Assert.Equal("Failed", byRun.GetProperty("outcome").GetString());
        Assert.Equal("User \"outsider\" may not get backups.stowage.io in namespace \"shop\"; nothing was restored.", byRun.GetProperty("reason").GetString());

        // A reader of the source may restore, but only kinds they could create in the target themselves.
        var kinds = await StowageApi.RestoreAsync(cluster, new RestoreRequest(target, RunId: "tenant-run", TargetNamespace: "shop-copy"), reader);
        Assert.Equal("Failed", kinds.GetProperty("outcome").GetString());
        Assert.Contains("may not create configmaps in namespace \"shop-copy\"", kinds.GetProperty("reason").GetString());

        Assert.Empty(kubernetes.List("v1", "ConfigMap", "shop-copy"));
        Assert.Empty(kubernetes.List("v1", "PersistentVolumeClaim"));
    }

    private Task ForgeRunAsync(BackupTarget target) => BucketRuns.WriteAsync(s3, target, runs =>
    {
        var config = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new JsonObject { ["name"] = "db-config" }, ["data"] = new JsonObject { ["mode"] = "primary" } };
        return runs.RecordRunAsync(new RunManifest("tenant-run", "policy-tenant", new ApplicationRef("shop", "db"), DateTimeOffset.UtcNow, null, [config], [], []), CancellationToken.None);
    });
}
