using Stowage.Common.Targets;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>Writes runs straight into a target's bucket, as anyone with write access to it could (no Stowage service involved).</summary>
public static class BucketRuns
{
    public static async Task WriteAsync(S3ServerFixture s3, BackupTarget target, Func<RunRepository, Task> write)
    {
        var keys = new TargetCredentials(s3.AccessKey, s3.SecretKey, "end-to-end repository password");
        var addresses = new TargetAddressPolicy(new() { AllowedAddresses = [StowageCluster.AllowedTargetAddress(s3)] });
        var backend = new S3Backend(S3ClientFactory.Create(target, keys, addresses), new S3BackendOptions { Bucket = target.Bucket, Prefix = target.Prefix, ServiceUrl = target.Endpoint });
        using var repository = await StowageRepository.InitAsync(backend, RepositorySecret.FromPassword(keys.RepositoryPassword));
        await write(new RunRepository(repository));
    }
}
