using Stowage.Contracts.Discovery;
using Stowage.Discovery.Domain.Changes;
using Stowage.Discovery.Domain.Classification;

namespace Stowage.Discovery.Tests.Domain;

public sealed class ChangeDetectorTests
{
    private readonly IReadOnlyList<ApplicationDescription> apps =
        ApplicationDescriber.DescribeAll(FixtureInventory.Load("cluster-storage.json", "cnpg-cluster.json", "deployment-with-pvc.json"), BuiltInCatalog.Load());

    [Fact]
    public void The_same_applications_again_are_no_change()
    {
        Assert.Empty(ApplicationChangeDetector.Detect(apps.ToDictionary(a => a.Id), apps));
    }

    [Fact]
    public void New_changed_and_gone_applications_are_each_reported_once_with_the_aspects_that_changed()
    {
        var pg = apps.Single(a => a.Name == "pg-main");
        var announced = new Dictionary<string, ApplicationDescription>
        {
            [pg.Id] = pg with { ContentHash = "old", Members = pg.Members with { SelectedPods = ["pg-main-2"] } },
            ["gone/app"] = pg with { Id = "gone/app" },
        };

        var changes = ApplicationChangeDetector.Detect(announced, apps);

        Assert.Collection(changes,
            change => Assert.Equal(["members"], Assert.IsType<ApplicationUpdated>(change).Aspects),
            change => Assert.Equal("team-a/wiki", Assert.IsType<ApplicationAppeared>(change).Id),
            change => Assert.Equal("gone/app", Assert.IsType<ApplicationDisappeared>(change).Id));
    }
}
