using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Domain.Classification;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Tests.Domain;

public sealed class MemberSelectorTests
{
    [Fact]
    public void One_per_rack_takes_the_lowest_ordinal_of_each_rack()
    {
        var pods = new[] { ("ring-10", "r1"), ("ring-2", "r1"), ("ring-3", "r2"), ("ring-5", "r2"), ("ring-4", "r3") }.Select(p => Pod(p.Item1, ("rack", p.Item2))).ToList();

        var (selected, problems) = MemberSelector.Select(new MemberRule { Strategy = MemberRule.OnePerLabelValue, Label = "rack" }, pods);

        Assert.Equal(["ring-2", "ring-3", "ring-4"], selected);
        Assert.Empty(problems);
    }

    [Fact]
    public void Match_labels_falls_back_to_every_pod_and_says_so_when_no_pod_is_marked()
    {
        var pods = new[] { Pod("db-0", ("role", "replica")), Pod("db-1", ("role", "replica")) };
        var rule = new MemberRule { Strategy = MemberRule.MatchLabels, AnyOf = [new() { ["role"] = "primary" }] };

        var (selected, problems) = MemberSelector.Select(rule, pods);

        Assert.Equal(["db-0", "db-1"], selected);
        Assert.Single(problems);
    }

    [Fact]
    public void Match_labels_takes_a_single_unmarked_pod_without_a_problem()
    {
        var rule = new MemberRule { Strategy = MemberRule.MatchLabels, AnyOf = [new() { ["role"] = "primary" }] };

        var (selected, problems) = MemberSelector.Select(rule, [Pod("db-0")]);

        Assert.Equal(["db-0"], selected);
        Assert.Empty(problems);
    }

    private static PodObject Pod(string name, params (string Key, string Value)[] labels) => new(
        new ObjectMeta("ns", name, labels.ToDictionary(l => l.Key, l => l.Value), new Dictionary<string, string>(), []), [], PodTemplate.Empty, null);
}
