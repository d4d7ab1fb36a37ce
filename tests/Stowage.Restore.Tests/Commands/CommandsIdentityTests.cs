using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Stowage.Common.Access;
using Stowage.Contracts.Policies;
using Stowage.Mover.Runtime.Runs;
using Stowage.Restore.Commands;
using Stowage.Restore.Mapping;
using Stowage.Testing.Dapr;

namespace Stowage.Restore.Tests.Commands;

/// <summary>
/// Restore commands run as the chart's stowage-commands ServiceAccount, which may do nothing until the platform binds it:
/// its plan is reviewed like a REST caller's, with the API server's real RBAC.
/// </summary>
public sealed class CommandsIdentityTests : IAsyncLifetime
{
    private const string Account = "stowage-commands";
    private static readonly RunManifest Manifest = new("run-1", "p1", new ApplicationRef("shop", "orders-db"), DateTimeOffset.UnixEpoch, null, [], [], []);
    private static readonly JsonObject StatefulSet = new() { ["apiVersion"] = "apps/v1", ["kind"] = "StatefulSet", ["metadata"] = new JsonObject { ["name"] = "orders-db" } };
    private AccessCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await AccessCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private KubernetesAccessReview Review() => new(cluster.Server.CreateClient(), new MemoryCache(new MemoryCacheOptions()), Options.Create(new AccessOptions { CacheFor = TimeSpan.Zero }));

    private static Caller Commands => new CommandsOptions { ServiceAccount = $"stowage/{Account}" }.Caller!;

    [Fact]
    public async Task The_commands_identity_is_who_a_token_of_the_charts_account_would_be()
    {
        using var admin = cluster.Server.CreateClient();
        var token = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, Account, "stowage");

        var reviewed = await Review().AuthenticateAsync(token.Status.Token, CancellationToken.None);

        Assert.Equal(reviewed!.UserName, Commands.UserName);
        Assert.Equal(reviewed.Groups.Order(), Commands.Groups.Order());
    }

    [Fact]
    public async Task Unbound_as_the_chart_ships_it_the_commands_identity_may_restore_nothing_and_the_refusal_names_the_permission()
    {
        var refusal = await new PlanAuthorization(Review()).RefusalAsync(Commands, Manifest, "shop-restored", [StatefulSet], runsHooks: false, CancellationToken.None);

        Assert.Equal($"User \"system:serviceaccount:stowage:{Account}\" may not get backups.stowage.io in namespace \"shop\"; nothing was restored.", refusal);
    }

    [Fact]
    public async Task Bound_by_the_platform_it_restores_into_the_namespaces_it_was_granted_only()
    {
        await RoleBindings.GrantServiceAccountAsync(cluster.Server, "stowage", Account, "stowage-view", "shop");
        await RoleBindings.GrantServiceAccountAsync(cluster.Server, "stowage", Account, "edit", "shop-restored");
        var authorization = new PlanAuthorization(Review());

        Assert.Null(await authorization.RefusalAsync(Commands, Manifest, "shop-restored", [StatefulSet], runsHooks: false, CancellationToken.None));
        Assert.Equal($"User \"system:serviceaccount:stowage:{Account}\" may not create restores.stowage.io in namespace \"payments\"; nothing was restored.",
            await authorization.RefusalAsync(Commands, Manifest, "payments", [StatefulSet], runsHooks: false, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("stowage-commands")]
    [InlineData("stowage/")]
    [InlineData("a/b/c")]
    public void Without_a_whole_account_name_restore_commands_have_no_identity(string? account) =>
        Assert.Null(new CommandsOptions { ServiceAccount = account }.Caller);
}
