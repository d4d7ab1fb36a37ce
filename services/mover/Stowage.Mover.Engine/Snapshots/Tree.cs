using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>A directory listing, entries sorted by name (ordinal), serialized as JSON into a tree blob.</summary>
internal sealed class Tree
{
    [JsonPropertyName("nodes")] public List<TreeNode> Nodes { get; set; } = [];

    public TreeNode? Find(string name) => IndexOf(name) is >= 0 and var at ? Nodes[at] : null;

    /// <summary>The index of the entry with the name, or -1.</summary>
    public int IndexOf(string name)
    {
        int low = 0, high = Nodes.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var c = string.CompareOrdinal(Nodes[middle].Name, name);
            if (c == 0) return middle;
            if (c < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }
}
