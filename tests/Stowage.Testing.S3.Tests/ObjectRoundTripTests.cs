using System.Net;
using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class ObjectRoundTripTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Put_then_get_returns_the_same_bytes_and_metadata()
    {
        var bucket = await s3.CreateBucketAsync("round-trip");
        using var client = s3.CreateClient();
        var content = RandomBytes.Of(100_000);

        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "dir/object.bin",
            InputStream = new MemoryStream(content),
            ContentType = "application/octet-stream",
            Metadata = { ["stowage-kind"] = "pack" },
        });
        using var got = await client.GetObjectAsync(bucket, "dir/object.bin");
        using var read = new MemoryStream();
        await got.ResponseStream.CopyToAsync(read);

        Assert.Equal(content, read.ToArray());
        Assert.Equal("pack", got.Metadata["stowage-kind"]);
    }

    [Fact]
    public async Task Missing_key_is_reported_as_404()
    {
        var bucket = await s3.CreateBucketAsync("missing");
        using var client = s3.CreateClient();

        var error = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(() => client.GetObjectMetadataAsync(bucket, "absent"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
