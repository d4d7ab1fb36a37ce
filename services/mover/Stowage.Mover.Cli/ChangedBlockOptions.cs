using System.CommandLine;
using Stowage.Mover.Cbt;
using Stowage.Mover.Engine.Backup;

namespace Stowage.Mover.Cli;

/// <summary>
/// backup's options that read one large file through changed-block tracking: the ranges come from a CSI driver's
/// SnapshotMetadata service (GetMetadataDelta between the base snapshot, by its CSI handle, and the target
/// VolumeSnapshot). The service's token and CA bundle come from the environment (a job's Secret), never from the command line.
/// </summary>
internal static class ChangedBlockOptions
{
    public static readonly Option<string?> Path = new("--changed-blocks") { Description = "File (relative to the path backed up) whose changed ranges the service names; needs --parent." };
    public static readonly Option<string?> Service = new("--cbt-service") { Description = "https://host:port of the SnapshotMetadata service (its SnapshotMetadataService's spec.address)." };
    public static readonly Option<string?> Namespace = new("--cbt-namespace") { Description = "Namespace of the target VolumeSnapshot." };
    public static readonly Option<string?> BaseHandle = new("--cbt-base") { Description = "CSI handle of the parent's snapshot (VolumeSnapshotContent.status.snapshotHandle)." };
    public static readonly Option<string?> Target = new("--cbt-target") { Description = "Name of the VolumeSnapshot being backed up." };

    public static IEnumerable<Option> All => [Path, Service, Namespace, BaseHandle, Target];

    /// <summary>The changed blocks to back up with, and the client that streams them (dispose it after the backup); none without --changed-blocks.</summary>
    public static (ChangedBlocks? Changes, IDisposable? Client) Read(ParseResult parse, string sourcePath, string? parent)
    {
        if (parse.GetValue(Path) is not { } file) return (null, null);
        if (parent is null) throw new UsageException("--changed-blocks needs --parent: the ranges are only true against the base snapshot.");
        if (!Uri.TryCreate(parse.GetValue(Service), UriKind.Absolute, out var service)) throw new UsageException("--changed-blocks needs --cbt-service https://host:port.");
        var ns = parse.GetValue(Namespace) ?? throw new UsageException("--changed-blocks needs --cbt-namespace.");
        var baseHandle = parse.GetValue(BaseHandle) ?? throw new UsageException("--changed-blocks needs --cbt-base.");
        var target = parse.GetValue(Target) ?? throw new UsageException("--changed-blocks needs --cbt-target.");
        var token = Environment.GetEnvironmentVariable(CbtEnvironment.Token) ?? "";
        var ca = Environment.GetEnvironmentVariable(CbtEnvironment.CaBundle) ?? "";
        var size = ChangedBlocks.SizeOf(System.IO.Path.Combine(sourcePath, file));
        var client = new SnapshotMetadataClient(service, ServiceCertificates.TrustOnly(ca));
        return (new ChangedBlocks { Path = file, BaseSnapshotId = parent, Ranges = client.GetDeltaAsync(token, ns, baseHandle, target, size) }, client);
    }
}
