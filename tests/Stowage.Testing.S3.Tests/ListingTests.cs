using Amazon.S3.Model;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class ListingTests(S3ServerFixture s3)
{
    [Fact]
    public async Task ListObjectsV2_pages_through_all_keys_with_continuation_tokens()
    {
        var bucket = await s3.CreateBucketAsync("listing");
        using var client = s3.CreateClient();
        var keys = Enumerable.Range(0, 25).Select(i => $"snapshots/{i:D3}").ToList();
        await Task.WhenAll(keys.Select(key => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key })));

        var listed = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = "snapshots/",
                MaxKeys = 10,
                ContinuationToken = token,
            });
            pages++;
            listed.AddRange(page.S3Objects?.Select(o => o.Key) ?? []);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(keys, listed);
    }
}
