using Grpc.Core;
using k8s;
using k8s.Models;
using Stowage.SnapshotMetadata.Api;

namespace Stowage.LocalCluster.SnapshotMetadata;

/// <summary>
/// The SnapshotMetadata gRPC service as the external-snapshot-metadata sidecar answers it: requests validated
/// (InvalidArgument), the security token reviewed for the service's audience (Unauthenticated) and the caller
/// authorized to get VolumeSnapshots in the namespace (PermissionDenied), both through the cluster's API; snapshots
/// the driver does not have are NotFound. Blocks come from comparing images, FIXED_LENGTH.
/// </summary>
internal sealed class SnapshotMetadataHandler(SnapshotImages images, IKubernetes cluster, FakeSnapshotMetadataOptions options, FakeSnapshotMetadataService owner)
    : Stowage.SnapshotMetadata.Api.SnapshotMetadata.SnapshotMetadataBase
{
    public override async Task GetMetadataAllocated(GetMetadataAllocatedRequest request, IServerStreamWriter<GetMetadataAllocatedResponse> stream, ServerCallContext context)
    {
        Require(request.SecurityToken, "securityToken is missing");
        Require(request.Namespace, "namespace parameter cannot be empty");
        Require(request.SnapshotName, "snapshotName cannot be empty");
        await AuthorizeAsync(request.SecurityToken, request.Namespace, context.CancellationToken);
        var image = Target(request.Namespace, request.SnapshotName);
        owner.Record(request.StartingOffset);
        await SendAsync(ImageBlocks.Allocated(image.ImagePath, options.BlockSize, request.StartingOffset), image, request.MaxResults,
            (capacity, blocks) => new GetMetadataAllocatedResponse { BlockMetadataType = BlockMetadataType.FixedLength, VolumeCapacityBytes = capacity, BlockMetadata = { blocks } },
            stream, context.CancellationToken);
    }

    public override async Task GetMetadataDelta(GetMetadataDeltaRequest request, IServerStreamWriter<GetMetadataDeltaResponse> stream, ServerCallContext context)
    {
        Require(request.SecurityToken, "securityToken is missing");
        Require(request.Namespace, "namespace parameter cannot be empty");
        Require(request.BaseSnapshotId, "baseSnapshotId cannot be empty");
        Require(request.TargetSnapshotName, "targetSnapshotName cannot be empty");
        await AuthorizeAsync(request.SecurityToken, request.Namespace, context.CancellationToken);
        var target = Target(request.Namespace, request.TargetSnapshotName);
        owner.Record(request.StartingOffset);
        var baseImage = images.ByHandle(request.BaseSnapshotId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"snapshot '{request.BaseSnapshotId}' not found"));
        await SendAsync(ImageBlocks.Changed(baseImage.ImagePath, target.ImagePath, options.BlockSize, request.StartingOffset), target, request.MaxResults,
            (capacity, blocks) => new GetMetadataDeltaResponse { BlockMetadataType = BlockMetadataType.FixedLength, VolumeCapacityBytes = capacity, BlockMetadata = { blocks } },
            stream, context.CancellationToken);
    }

    private static void Require(string value, string message)
    {
        if (string.IsNullOrEmpty(value)) throw new RpcException(new Status(StatusCode.InvalidArgument, message));
    }

    private SnapshotImage Target(string ns, string name) => images.ByName(ns, name)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"VolumeSnapshot '{ns}/{name}' not found"));

    private async Task AuthorizeAsync(string token, string ns, CancellationToken cancellationToken)
    {
        var review = await cluster.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token, Audiences = [options.Audience] } }, cancellationToken: cancellationToken);
        if (review.Status is not { Authenticated: true, User: { } user })
            throw new RpcException(new Status(StatusCode.Unauthenticated, "unauthenticated user"));
        var access = await cluster.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user.Username, Groups = user.Groups, Uid = user.Uid,
                ResourceAttributes = new V1ResourceAttributes { Verb = "get", NamespaceProperty = ns, Group = "snapshot.storage.k8s.io", Version = "v1", Resource = "volumesnapshots" },
            },
        }, cancellationToken: cancellationToken);
        if (access.Status is not { Allowed: true })
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"user does not have permissions to perform the operation: {access.Status?.Reason}"));
    }

    private async Task SendAsync<T>(IEnumerable<long> offsets, SnapshotImage image, int maxResults, Func<long, List<BlockMetadata>, T> response,
        IServerStreamWriter<T> stream, CancellationToken cancellationToken)
    {
        var capacity = new FileInfo(image.ImagePath).Length;
        var batch = maxResults > 0 ? Math.Min(maxResults, options.MaxResults) : options.MaxResults;
        var blocks = new List<BlockMetadata>(batch);
        foreach (var offset in offsets)
        {
            blocks.Add(new BlockMetadata { ByteOffset = offset, SizeBytes = options.BlockSize });
            if (blocks.Count == batch) await WriteAsync(response(capacity, blocks), stream, cancellationToken, blocks);
        }
        if (blocks.Count > 0) await WriteAsync(response(capacity, blocks), stream, cancellationToken, blocks);
    }

    private async Task WriteAsync<T>(T message, IServerStreamWriter<T> stream, CancellationToken cancellationToken, List<BlockMetadata> sent)
    {
        if (owner.CountResponse() > owner.FailAfterResponses && owner.TakeFailure())
            throw new RpcException(new Status(StatusCode.Unavailable, "the CSI driver is not yet ready"));
        await stream.WriteAsync(message, cancellationToken);
        sent.Clear();
    }
}
