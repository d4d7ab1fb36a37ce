using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class MultipartUploadTests(S3ServerFixture s3)
{
    private const int PartSize = 5 * 1024 * 1024;

    [Fact]
    public async Task Multipart_upload_assembles_its_parts_in_order()
    {
        var bucket = await s3.CreateBucketAsync("multipart");
        using var client = s3.CreateClient();
        var content = RandomBytes.Of(PartSize + 1_234_567);

        var upload = await client.InitiateMultipartUploadAsync(bucket, "pack.bin");
        var parts = new List<PartETag>();
        for (var (number, offset) = (1, 0); offset < content.Length; number++, offset += PartSize)
        {
            var length = Math.Min(PartSize, content.Length - offset);
            var part = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = bucket,
                Key = "pack.bin",
                UploadId = upload.UploadId,
                PartNumber = number,
                InputStream = new MemoryStream(content, offset, length),
                PartSize = length,
            });
            parts.Add(new PartETag(number, part.ETag));
        }

        await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = "pack.bin",
            UploadId = upload.UploadId,
            PartETags = parts,
        });
        using var got = await client.GetObjectAsync(bucket, "pack.bin");
        using var read = new MemoryStream();
        await got.ResponseStream.CopyToAsync(read);

        Assert.Equal(2, parts.Count);
        Assert.Equal(content, read.ToArray());
    }
}
