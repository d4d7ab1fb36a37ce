using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class ObjectLockTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Compliance_locked_version_cannot_be_deleted()
    {
        var bucket = await s3.CreateBucketAsync("object-lock", objectLock: true);
        using var client = s3.CreateClient();
        var put = await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "manifest",
            ContentBody = "immutable",
            ObjectLockMode = ObjectLockMode.Compliance,
            ObjectLockRetainUntilDate = DateTime.UtcNow.AddDays(1),
        });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = "manifest", VersionId = put.VersionId }));
        var stillThere = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = "manifest", VersionId = put.VersionId });

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ObjectLockMode.Compliance, stillThere.ObjectLockMode);
    }
}
