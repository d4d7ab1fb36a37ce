using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class BatchDeleteTests(S3ServerFixture s3)
{
    [Fact]
    public async Task DeleteObjects_removes_every_listed_key_and_leaves_the_others()
    {
        var bucket = await s3.CreateBucketAsync("batch-delete");
        using var client = s3.CreateClient();
        var doomed = Enumerable.Range(0, 12).Select(i => $"old/{i}").ToList();
        await Task.WhenAll(doomed.Append("keep").Select(key => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" })));

        var result = await client.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = bucket,
            Objects = doomed.Select(key => new KeyVersion { Key = key }).ToList(),
        });
        var left = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });

        Assert.Equal(doomed.Order(), result.DeletedObjects.Select(d => d.Key).Order());
        Assert.Empty(result.DeleteErrors ?? []);
        Assert.Equal(["keep"], left.S3Objects.Select(o => o.Key));
    }
}
