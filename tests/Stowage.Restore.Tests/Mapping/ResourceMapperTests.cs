using System.Text.Json.Nodes;
using Stowage.Restore.Mapping;

namespace Stowage.Restore.Tests.Mapping;

public sealed class ResourceMapperTests
{
    private static readonly Dictionary<string, string> Classes = new() { ["standard"] = "fast" };

    [Fact]
    public void A_claim_moves_to_the_target_namespace_with_its_storage_class_renamed()
    {
        var mapped = ResourceMapper.Map(JsonNode.Parse("""{"kind":"PersistentVolumeClaim","metadata":{"name":"data"},"spec":{"storageClassName":"standard"}}""")!.AsObject(), "restored", Classes);
        Assert.Equal("restored", (string?)mapped["metadata"]!["namespace"]);
        Assert.Equal("fast", (string?)mapped["spec"]!["storageClassName"]);
    }

    [Fact]
    public void A_stateful_set_renames_the_storage_class_of_every_claim_template()
    {
        var mapped = ResourceMapper.Map(JsonNode.Parse("""
            {"kind":"StatefulSet","metadata":{"name":"db"},"spec":{"volumeClaimTemplates":[
              {"metadata":{"name":"data"},"spec":{"storageClassName":"standard"}},
              {"metadata":{"name":"wal"},"spec":{"storageClassName":"premium"}}]}}
            """)!.AsObject(), "restored", Classes);
        var templates = mapped["spec"]!["volumeClaimTemplates"]!.AsArray();
        Assert.Equal(["fast", "premium"], templates.Select(t => (string?)t!["spec"]!["storageClassName"]));
    }

    [Fact]
    public void Unmapped_classes_and_other_kinds_keep_their_values() =>
        Assert.Equal("premium", ResourceMapper.StorageClassOf("premium", Classes));
}
