using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>
/// One entry of a directory listing as stored in a tree blob. Plain setters rather than required/init: with those
/// the JSON source generator reads every node through its slower constructor-argument path (an unchanged 1 GiB
/// re-backup, which reads all parent trees, took 7 % longer and 5 MiB more).
/// </summary>
internal sealed class TreeNode
{
    public const string File = "file";
    public const string Directory = "dir";
    public const string Symlink = "symlink";

    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    /// <summary>Permission bits including setuid, setgid and sticky (the low 12 bits of st_mode).</summary>
    [JsonPropertyName("mode")] public uint Mode { get; set; }
    [JsonPropertyName("uid")] public uint Uid { get; set; }
    [JsonPropertyName("gid")] public uint Gid { get; set; }
    /// <summary>Modification time in nanoseconds since the Unix epoch.</summary>
    [JsonPropertyName("mtime")] public long MtimeNs { get; set; }
    [JsonPropertyName("size")] public long Size { get; set; }
    [JsonPropertyName("inode")] public ulong Inode { get; set; }
    [JsonPropertyName("dev")] public ulong Device { get; set; }
    [JsonPropertyName("links")] public uint Links { get; set; }
    [JsonPropertyName("target"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LinkTarget { get; set; }
    [JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Content { get; set; }
    /// <summary>Of a file cut into fixed blocks: the ids of its content lists, in order (see <see cref="ContentList"/>).</summary>
    [JsonPropertyName("contentLists"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? ContentLists { get; set; }
    [JsonPropertyName("subtree"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subtree { get; set; }

    [JsonIgnore] public bool IsHardLinked => Type == File && Links > 1;
}
