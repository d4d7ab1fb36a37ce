using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Snapshots;

/// <summary>One entry of a directory listing as stored in a tree blob.</summary>
internal sealed class TreeNode
{
    public const string File = "file";
    public const string Directory = "dir";
    public const string Symlink = "symlink";

    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    /// <summary>Permission bits including setuid, setgid and sticky (the low 12 bits of st_mode).</summary>
    [JsonPropertyName("mode")] public uint Mode { get; init; }
    [JsonPropertyName("uid")] public uint Uid { get; init; }
    [JsonPropertyName("gid")] public uint Gid { get; init; }
    /// <summary>Modification time in nanoseconds since the Unix epoch.</summary>
    [JsonPropertyName("mtime")] public long MtimeNs { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("inode")] public ulong Inode { get; init; }
    [JsonPropertyName("dev")] public ulong Device { get; init; }
    [JsonPropertyName("links")] public uint Links { get; init; }
    [JsonPropertyName("target"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LinkTarget { get; init; }
    [JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Content { get; set; }
    [JsonPropertyName("subtree"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subtree { get; set; }

    [JsonIgnore] public bool IsHardLinked => Type == File && Links > 1;
}
