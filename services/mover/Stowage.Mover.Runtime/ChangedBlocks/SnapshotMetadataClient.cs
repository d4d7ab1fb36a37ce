using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using Stowage.Mover.Engine.Backup;
using Stowage.SnapshotMetadata.Api;
using Api = Stowage.SnapshotMetadata.Api.SnapshotMetadata;

namespace Stowage.Mover.Runtime.ChangedBlocks;

/// <summary>
/// Calls a CSI driver's Kubernetes SnapshotMetadata service (KEP-3314) and hands its streamed block metadata to the
/// engine as byte ranges. The stream is checked as it is read: ranges in order and inside the volume, one metadata
/// type and one capacity throughout; anything else throws, which the engine answers by reading the rest in full.
/// </summary>
public sealed class SnapshotMetadataClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Api.SnapshotMetadataClient _client;

    /// <param name="address">The service's address (a SnapshotMetadataService's spec.address, as a URI).</param>
    /// <param name="handler">For TLS with the service's spec.caCert (<see cref="ServiceCertificates.TrustOnly"/>); null for the default.</param>
    public SnapshotMetadataClient(Uri address, HttpMessageHandler? handler = null)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _client = new Api.SnapshotMetadataClient(_channel);
    }

    /// <summary>Ranges that differ between the base snapshot (by its CSI handle, VolumeSnapshotContent.status.snapshotHandle)
    /// and the target VolumeSnapshot (by name), for a volume of volumeSize bytes; at most maxResults ranges a message (0: the service chooses).</summary>
    public IAsyncEnumerable<ByteRange> GetDeltaAsync(string securityToken, string ns, string baseSnapshotHandle, string targetSnapshotName,
        long volumeSize, int maxResults = 0, CancellationToken cancellationToken = default) =>
        ReadAsync(_client.GetMetadataDelta(new GetMetadataDeltaRequest
        {
            SecurityToken = securityToken, Namespace = ns, BaseSnapshotId = baseSnapshotHandle, TargetSnapshotName = targetSnapshotName,
            MaxResults = maxResults,
        }, cancellationToken: cancellationToken).ResponseStream, r => (r.BlockMetadataType, r.VolumeCapacityBytes, r.BlockMetadata), volumeSize, cancellationToken);

    /// <summary>Ranges of the VolumeSnapshot that hold data.</summary>
    public IAsyncEnumerable<ByteRange> GetAllocatedAsync(string securityToken, string ns, string snapshotName, long volumeSize,
        CancellationToken cancellationToken = default) =>
        ReadAsync(_client.GetMetadataAllocated(new GetMetadataAllocatedRequest
        {
            SecurityToken = securityToken, Namespace = ns, SnapshotName = snapshotName,
        }, cancellationToken: cancellationToken).ResponseStream, r => (r.BlockMetadataType, r.VolumeCapacityBytes, r.BlockMetadata), volumeSize, cancellationToken);

    private static async IAsyncEnumerable<ByteRange> ReadAsync<T>(IAsyncStreamReader<T> stream,
        Func<T, (BlockMetadataType Type, long Capacity, IList<BlockMetadata> Blocks)> parts, long volumeSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlockMetadataType? type = null;
        long end = 0;
        while (await stream.MoveNext(cancellationToken))
        {
            var (kind, capacity, blocks) = parts(stream.Current);
            if (kind == BlockMetadataType.Unknown || (type is { } seen && seen != kind))
                throw new InvalidDataException($"the service answered block metadata type {kind} after {type}");
            type = kind;
            if (capacity != volumeSize)
                throw new InvalidDataException($"the service describes a volume of {capacity} bytes, the snapshot holds {volumeSize}");
            foreach (var block in blocks)
            {
                if (block.ByteOffset < end || block.SizeBytes <= 0)
                    throw new InvalidDataException($"range ({block.ByteOffset}, {block.SizeBytes}) is out of order or empty");
                end = block.ByteOffset + block.SizeBytes;
                if (block.ByteOffset >= volumeSize) throw new InvalidDataException($"range at {block.ByteOffset} lies past the volume's end");
                yield return new ByteRange(block.ByteOffset, Math.Min(block.SizeBytes, volumeSize - block.ByteOffset));
            }
        }
    }

    public void Dispose() => _channel.Dispose();
}
