using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Stowage.Common.Access;
using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Mapping;
using Stowage.Testing.Dapr;

namespace Stowage.Restore.Tests.Mapping;

/// <summary>A restore's plan is checked against its caller's own rights, kind by kind, with the API server's real RBAC.</summary>
public sealed class PlanAuthorizationTests : IAsyncLifetime
{
    private AccessCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await AccessCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private PlanAuthorization Authorization() => new(new KubernetesAccessReview(cluster.Server.CreateClient(),
        new MemoryCache(new MemoryCacheOptions()), Options.Create(new AccessOptions())));

    private static readonly RunManifest Manifest = new("run-1", "p1", new ApplicationRef("shop", "orders-db"), DateTimeOffset.UnixEpoch, null, [], [], []);

    private static JsonObject Resource(string apiVersion, string kind) =>
        new() { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = "x" } };

    private async Task<Caller> CallerAsync(string token) => (await new KubernetesAccessReview(cluster.Server.CreateClient(),
        new MemoryCache(new MemoryCacheOptions()), Options.Create(new AccessOptions())).AuthenticateAsync(token, CancellationToken.None))!;

    [Fact]
    public async Task The_cluster_admin_may_restore_every_kind_and_hook()
    {
        var admin = await CallerAsync(cluster.AdminToken);

        var refusal = await Authorization().RefusalAsync(admin, Manifest, "shop-restored", [Resource("apps/v1", "StatefulSet"), Resource("v1", "Secret")], runsHooks: true, CancellationToken.None);

        Assert.Null(refusal);
    }

    [Fact]
    public async Task A_caller_who_may_not_read_the_source_namespaces_backups_is_refused_naming_it()
    {
        var eve = await CallerAsync(await cluster.UserAsync("eve", "stowage-edit", "shop-restored"));

        var refusal = await Authorization().RefusalAsync(eve, Manifest, "shop-restored", [], runsHooks: false, CancellationToken.None);

        Assert.Equal("User \"eve\" may not get backups.stowage.io in namespace \"shop\"; nothing was restored.", refusal);
    }

    [Fact]
    public async Task Each_kind_needs_the_callers_own_create_right_in_the_target_namespace()
    {
        var frank = await CallerAsync(await cluster.UserAsync("frank", "stowage-edit", "shop", "shop-restored"));

        var refusal = await Authorization().RefusalAsync(frank, Manifest, "shop-restored", [Resource("apps/v1", "StatefulSet")], runsHooks: false, CancellationToken.None);

        Assert.Equal("User \"frank\" may not create statefulsets.apps in namespace \"shop-restored\"; nothing was restored.", refusal);
    }

    [Fact]
    public async Task Rbac_objects_are_never_restored_whoever_asks()
    {
        var admin = await CallerAsync(cluster.AdminToken);

        var refusal = await Authorization().RefusalAsync(admin, Manifest, "shop", [Resource("rbac.authorization.k8s.io/v1", "RoleBinding")], runsHooks: false, CancellationToken.None);

        Assert.Contains("RBAC objects (rolebindings.rbac.authorization.k8s.io)", refusal);
    }
}
