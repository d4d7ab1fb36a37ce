using static Stowage.Deployment.Tests.Chart.RenderedChart;

namespace Stowage.Deployment.Tests.Chart;

/// <summary>
/// Restore commands carry no token, so the chart gives them an identity of their own (docs/operations.md, "Restore
/// commands"): a ServiceAccount that no pod runs as and nothing binds, which the restore service reviews each commanded
/// restore against. Until the platform binds it in a namespace, commands may restore nowhere.
/// </summary>
public sealed class CommandsIdentityTests
{
    private const string Account = "stowage-commands";
    private static readonly RenderedChart Chart = new();

    [Fact]
    public void The_chart_makes_the_commands_account_and_binds_it_to_nothing()
    {
        var account = Chart.Named("ServiceAccount", Account);
        Assert.Equal("stowage", Text(account, "metadata", "namespace"));
        Assert.Equal("false", Text(account, "automountServiceAccountToken"));
        var subjects = Chart.OfKind("ClusterRoleBinding").Concat(Chart.OfKind("RoleBinding")).SelectMany(b => Items(b, "subjects"));
        Assert.DoesNotContain(subjects, s => Text(s, "name") == Account);
        Assert.DoesNotContain(Chart.OfKind("Deployment"), d => Text(d, "spec", "template", "spec", "serviceAccountName") == Account);
    }

    [Fact]
    public void Only_the_restore_service_is_told_to_run_commands_as_that_account_of_the_release()
    {
        var told = Chart.OfKind("Deployment").ToDictionary(d => Text(d, "metadata", "name")!, d =>
            Items(Items(d, "spec", "template", "spec", "containers").Single(), "env").Where(e => Text(e, "name") == "Commands__ServiceAccount").Select(e => Text(e, "value")).ToList());

        Assert.Equal([$"stowage/{Account}"], told[Stowage.Contracts.AppIds.Restore]);
        Assert.All(told.Where(t => t.Key != Stowage.Contracts.AppIds.Restore), t => Assert.Empty(t.Value));
    }
}
