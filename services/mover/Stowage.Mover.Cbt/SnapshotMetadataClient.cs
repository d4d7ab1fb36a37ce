using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using Stowage.Mover.Engine.Backup;
using Stowage.SnapshotMetadata.Api;
using Api = Stowage.SnapshotMetadata.Api.SnapshotMetadata;

namespace Stowage.Mover.Cbt;

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
    /// and the target VolumeSnapshot (by name), for a volume of volumeSize bytes; at most maxResults ranges a message (0: the
    /// service chooses). A stream cut by a transient error is resumed from the last range's end up to resumes times.</summary>
    public IAsyncEnumerable<ByteRange> GetDeltaAsync(string securityToken, string ns, string baseSnapshotHandle, string targetSnapshotName,
        long volumeSize, int maxResults = 0, int resumes = DefaultResumes, CancellationToken cancellationToken = default) =>
        ReadAsync(from => _client.GetMetadataDelta(new GetMetadataDeltaRequest
        {
            SecurityToken = securityToken, Namespace = ns, BaseSnapshotId = baseSnapshotHandle, TargetSnapshotName = targetSnapshotName,
            StartingOffset = from, MaxResults = maxResults,
        }, cancellationToken: cancellationToken), r => (r.BlockMetadataType, r.VolumeCapacityBytes, r.BlockMetadata), volumeSize, resumes, cancellationToken);

    /// <summary>Ranges of the VolumeSnapshot that hold data, resumed as <see cref="GetDeltaAsync"/>'s are.</summary>
    public IAsyncEnumerable<ByteRange> GetAllocatedAsync(string securityToken, string ns, string snapshotName, long volumeSize,
        int resumes = DefaultResumes, CancellationToken cancellationToken = default) =>
        ReadAsync(from => _client.GetMetadataAllocated(new GetMetadataAllocatedRequest
        {
            SecurityToken = securityToken, Namespace = ns, SnapshotName = snapshotName, StartingOffset = from,
        }, cancellationToken: cancellationToken), r => (r.BlockMetadataType, r.VolumeCapacityBytes, r.BlockMetadata), volumeSize, resumes, cancellationToken);

    /// <summary>Resumes per stream; each one a sidecar restart or a dropped connection, not a refusal.</summary>
    public const int DefaultResumes = 3;

    private static async IAsyncEnumerable<ByteRange> ReadAsync<T>(Func<long, AsyncServerStreamingCall<T>> start,
        Func<T, (BlockMetadataType Type, long Capacity, IList<BlockMetadata> Blocks)> parts, long volumeSize, int resumes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlockMetadataType? type = null;
        long end = 0, resumedFrom = -1;
        var call = start(0);
        try
        {
            while (true)
            {
                bool received;
                try
                {
                    received = await call.ResponseStream.MoveNext(cancellationToken);
                }
                catch (RpcException e) when (resumes > 0 && IsTransient(e.StatusCode) && !cancellationToken.IsCancellationRequested)
                {
                    resumes--;
                    call.Dispose();
                    call = start(end);
                    resumedFrom = end;
                    continue;
                }
                if (!received) break;
                var (kind, capacity, blocks) = parts(call.ResponseStream.Current);
                if (kind == BlockMetadataType.Unknown || (type is { } seen && seen != kind))
                    throw new InvalidDataException($"the service answered block metadata type {kind} after {type}");
                type = kind;
                if (capacity != volumeSize)
                    throw new InvalidDataException($"the service describes a volume of {capacity} bytes, the snapshot holds {volumeSize}");
                foreach (var block in blocks)
                {
                    var (offset, stop) = (block.ByteOffset, block.ByteOffset + block.SizeBytes);
                    if (block.SizeBytes <= 0 || offset >= volumeSize)
                        throw new InvalidDataException($"range ({offset}, {block.SizeBytes}) is empty or past the volume's end");
                    // A resumed stream may repeat what holds its starting offset; only what lies past it is new.
                    if (stop <= resumedFrom) continue;
                    if (offset < resumedFrom) offset = resumedFrom;
                    if (offset < end) throw new InvalidDataException($"range ({block.ByteOffset}, {block.SizeBytes}) is out of order");
                    end = stop;
                    yield return new ByteRange(offset, Math.Min(stop, volumeSize) - offset);
                }
            }
        }
        finally
        {
            call.Dispose();
        }
    }

    private static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.DeadlineExceeded or StatusCode.Internal;

    public void Dispose() => _channel.Dispose();
}
