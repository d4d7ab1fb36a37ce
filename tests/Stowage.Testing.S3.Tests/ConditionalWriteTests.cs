using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class ConditionalWriteTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Conditional_put_on_a_new_key_succeeds()
    {
        var bucket = await s3.CreateBucketAsync("conditional");
        using var client = s3.CreateClient();

        var put = await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "lock", ContentBody = "first", IfNoneMatch = "*" });

        Assert.Equal(HttpStatusCode.OK, put.HttpStatusCode);
    }

    [Fact]
    public async Task Conditional_put_on_existing_key_is_refused_with_412()
    {
        var bucket = await s3.CreateBucketAsync("conditional");
        using var client = s3.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "lock", ContentBody = "first" });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "lock", ContentBody = "second", IfNoneMatch = "*" }));
        using var got = await client.GetObjectAsync(bucket, "lock");
        using var reader = new StreamReader(got.ResponseStream);

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("first", await reader.ReadToEndAsync());
    }
}
