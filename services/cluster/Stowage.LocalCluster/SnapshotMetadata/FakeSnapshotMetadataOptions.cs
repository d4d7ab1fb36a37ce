namespace Stowage.LocalCluster.SnapshotMetadata;

/// <summary>How the stand-in snapshot metadata service answers.</summary>
public sealed record FakeSnapshotMetadataOptions
{
    /// <summary>The CSI driver it serves; also the name of its SnapshotMetadataService object.</summary>
    public string Driver { get; init; } = "hostpath.csi.k8s.io";

    /// <summary>The audience a caller's token must carry (the SnapshotMetadataService's spec.audience).</summary>
    public string Audience { get; init; } = "stowage-snapshot-metadata";

    /// <summary>Size of the FIXED_LENGTH blocks it reports (a driver's tracking granularity, not the mover's block size).</summary>
    public int BlockSize { get; init; } = 4096;

    /// <summary>Most tuples per response message when the request asks for none or more.</summary>
    public int MaxResults { get; init; } = 256;
}
