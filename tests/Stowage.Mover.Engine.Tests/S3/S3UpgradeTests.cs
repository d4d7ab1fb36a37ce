using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Engine.Tests.Support;
using Stowage.Testing.S3;

namespace Stowage.Mover.Engine.Tests.S3;

[Collection("S3 server")]
public sealed class S3UpgradeTests(S3ServerFixture server)
{
    [Fact]
    public async Task A_version_1_repository_in_an_object_lock_bucket_upgrades_in_place()
    {
        using var temp = new TempDirectory("s3-upgrade");
        var fixture = RepositoryFixtures.CopyVersion1(temp.Sub("repo"));
        var bucket = await server.CreateBucketAsync("mover-upgrade", objectLock: true);
        var options = new S3BackendOptions
        {
            ServiceUrl = server.ServiceUrl, Region = server.Region, Bucket = bucket, Prefix = "app",
            AccessKey = server.AccessKey, SecretKey = server.SecretKey,
            ObjectLock = new ObjectLockRetention(Compliance: true, TimeSpan.FromDays(1)),
        };
        using (var upload = new S3Backend(options))
        {
            foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
                await upload.WriteAsync(Path.GetRelativePath(fixture, file), File.ReadAllBytes(file), mustNotExist: true, CancellationToken.None);
        }

        using (var repository = await TestRepository.OpenAsync(new S3Backend(options)))
            Assert.Equal(1, await repository.UpgradeAsync(TestRepository.Secret));

        using var upgraded = await TestRepository.OpenAsync(new S3Backend(options));
        Assert.Equal(3, upgraded.FormatVersion);
        Assert.Single(await upgraded.ListSnapshotsAsync());
        Assert.True((await upgraded.CheckAsync()).IsHealthy);
    }
}
