using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Maintenance;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;
using Stowage.Testing.S3;

namespace Stowage.Mover.Engine.Tests.S3;

[Collection("S3 server")]
public sealed class S3RoundTripTests(S3ServerFixture server)
{
    [Fact]
    public async Task Varied_tree_restores_byte_identical_from_S3_with_multipart_packs()
    {
        using var temp = new TempDirectory("s3");
        SampleTree.Create(temp.Sub("source"));
        var bucket = await server.CreateBucketAsync("mover-roundtrip");
        // A low multipart threshold makes every full pack go up in parts.
        var options = Options(bucket) with { MultipartThreshold = 5 * 1024 * 1024, PartSize = 5 * 1024 * 1024 };
        using (var repository = await TestRepository.InitAsync(new S3Backend(options)))
        {
            await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source"), Tags = new Dictionary<string, string> { ["volume"] = "v1" },
                Tuning = new BackupTuning { Uploaders = 4 } });
        }

        using var elsewhere = await TestRepository.OpenAsync(RepositoryLocation.Open($"s3:{server.ServiceUrl}/{bucket}/team-a/app", server.AccessKey, server.SecretKey));
        var snapshot = Assert.Single(await elsewhere.ListSnapshotsAsync(new Dictionary<string, string> { ["volume"] = "v1" }));
        await elsewhere.RestoreAsync(new RestoreRequest { SnapshotId = snapshot.Id, TargetPath = temp.Sub("restored") });
        var check = await elsewhere.CheckAsync(new CheckOptions(ReadData: true));

        TreeAssert.Identical(temp.Sub("source"), temp.Sub("restored"));
        Assert.True(check.IsHealthy, string.Join("; ", check.Errors));
    }

    [Fact]
    public async Task Backups_to_an_object_lock_bucket_carry_retention_and_cannot_be_deleted()
    {
        using var temp = new TempDirectory("s3-lock");
        Directory.CreateDirectory(temp.Sub("source"));
        File.WriteAllText(Path.Combine(temp.Sub("source"), "a.txt"), "protected");
        var bucket = await server.CreateBucketAsync("mover-lock", objectLock: true);
        var options = Options(bucket) with { ObjectLock = new ObjectLockRetention(Compliance: true, TimeSpan.FromDays(1)) };
        using var repository = await TestRepository.InitAsync(new S3Backend(options));
        var backup = await repository.BackupAsync(new BackupRequest { SourcePath = temp.Sub("source") });

        using var client = server.CreateClient();
        var snapshotKey = $"team-a/app/snapshots/{backup.Snapshot.Id}";
        var retention = await client.GetObjectRetentionAsync(new Amazon.S3.Model.GetObjectRetentionRequest { BucketName = bucket, Key = snapshotKey });
        var head = await client.GetObjectMetadataAsync(bucket, snapshotKey);
        await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() =>
            client.DeleteObjectAsync(new Amazon.S3.Model.DeleteObjectRequest { BucketName = bucket, Key = snapshotKey, VersionId = head.VersionId }));
        Assert.Equal(Amazon.S3.ObjectLockRetentionMode.Compliance, retention.Retention.Mode);
    }

    private S3BackendOptions Options(string bucket) => new()
    {
        ServiceUrl = server.ServiceUrl,
        Region = server.Region,
        Bucket = bucket,
        Prefix = "team-a/app",
        AccessKey = server.AccessKey,
        SecretKey = server.SecretKey,
    };
}
