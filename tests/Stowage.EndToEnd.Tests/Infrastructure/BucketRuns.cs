using Stowage.Common.Targets;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>Writes runs straight into a target's bucket, as anyone with write access to it could (no Stowage service involved).</summary>
public static class BucketRuns
{
    public static async Task WriteAsync(S3ServerFixture s3, BackupTarget target, Func<RunRepository, Task> write)
    {
        using var repository = await StowageRepository.InitAsync(Backend(s3, target), RepositorySecret.FromPassword(Password));
        await write(new RunRepository(repository));
    }

    /// <summary>The snapshots of the target's repository, as anyone with its password can read them.</summary>
    public static async Task<IReadOnlyList<SnapshotInfo>> SnapshotsAsync(S3ServerFixture s3, BackupTarget target, IReadOnlyDictionary<string, string>? tags = null)
    {
        using var repository = await StowageRepository.OpenAsync(Backend(s3, target), RepositorySecret.FromPassword(Password));
        return await repository.ListSnapshotsAsync(tags);
    }

    private const string Password = "end-to-end repository password";

    private static S3Backend Backend(S3ServerFixture s3, BackupTarget target)
    {
        var keys = new TargetCredentials(s3.AccessKey, s3.SecretKey, Password);
        var addresses = new TargetAddressPolicy(new() { AllowedAddresses = [StowageCluster.AllowedTargetAddress(s3)] });
        return new S3Backend(S3ClientFactory.Create(target, keys, addresses), new S3BackendOptions { Bucket = target.Bucket, Prefix = target.Prefix, ServiceUrl = target.Endpoint });
    }
}
