using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Domain.Classification;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Tests.Domain;

public sealed class CatalogTests : IDisposable
{
    private readonly string userFolder = Directory.CreateTempSubdirectory("stowage-catalog-").FullName;

    [Fact]
    public void The_built_in_catalog_has_every_promised_kind_and_no_problems()
    {
        var catalog = BuiltInCatalog.Load();

        Assert.Empty(catalog.Problems);
        Assert.Equal(
            ["cassandra", "elasticsearch", "kafka", "minio", "mongodb", "mysql", "postgresql", "redis", "yugabyte"],
            catalog.Specific.Select(entry => entry.Name));
        Assert.Equal("generic-stateful", catalog.Generic.Name);
        Assert.All(catalog.Specific, entry => Assert.False(string.IsNullOrWhiteSpace(entry.RestoreNotes)));
    }

    [Fact]
    public void A_file_in_a_user_folder_adds_a_kind_that_classifies_without_code_changes()
    {
        File.WriteAllText(Path.Combine(userFolder, "ledger.yaml"), """
            name: acme-ledger
            displayName: ACME Ledger
            detect:
              images: ["wiki"]
            hooks:
              before:
                - containers: [wiki]
                  command: [ledgerctl, checkpoint]
            policy:
              interval: 30m
              keepLast: 96
            restoreNotes: Restore the journal and the index together.
            """);
        var catalog = CatalogLoader.Load([CatalogProvider.BuiltInFolder, userFolder]);

        var app = Assert.Single(ApplicationDescriber.DescribeAll(FixtureInventory.Load("cluster-storage.json", "deployment-with-pvc.json"), catalog));

        Assert.Equal(("acme-ledger", "ACME Ledger", false), (app.Kind.Name, app.Kind.DisplayName, app.Kind.IsGeneric));
        Assert.Equal(TimeSpan.FromMinutes(30), app.SuggestedPolicy.Interval);
        Assert.Equal("ledgerctl checkpoint", string.Join(' ', Assert.Single(app.Hooks.Before).Command));
    }

    [Fact]
    public void A_user_file_with_the_same_name_replaces_the_built_in_entry()
    {
        File.WriteAllText(Path.Combine(userFolder, "minio.yaml"), """
            name: minio
            detect: { images: [minio] }
            policy: { schedule: "*/15 * * * *", keepLast: 3 }
            """);

        var catalog = CatalogLoader.Load([CatalogProvider.BuiltInFolder, userFolder]);

        Assert.Equal(3, catalog.Specific.Single(entry => entry.Name == "minio").Policy.KeepLast);
    }

    [Fact]
    public void A_broken_file_is_skipped_and_reported_while_the_rest_load()
    {
        File.WriteAllText(Path.Combine(userFolder, "broken.yaml"), "name: [unclosed");
        File.WriteAllText(Path.Combine(userFolder, "invalid.yaml"), "name: nothing-to-detect\nmembers: { strategy: sometimes }\n");

        var catalog = CatalogLoader.Load([CatalogProvider.BuiltInFolder, userFolder]);

        Assert.Equal(2, catalog.Problems.Count);
        Assert.Contains(catalog.Problems, problem => problem.Contains("invalid.yaml") && problem.Contains("strategy"));
        Assert.Equal(9, catalog.Specific.Count);
    }

    public void Dispose() => Directory.Delete(userFolder, recursive: true);
}
