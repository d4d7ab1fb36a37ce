using System.Net;
using Amazon.S3;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class AuthenticationTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Request_signed_with_a_wrong_secret_is_refused_with_403()
    {
        var bucket = await s3.CreateBucketAsync("auth");
        using var client = s3.CreateClient(s3.AccessKey, s3.SecretKey + "wrong");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListObjectsV2Async(new() { BucketName = bucket }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }

    [Fact]
    public async Task Request_with_an_unknown_access_key_is_refused_with_403()
    {
        var bucket = await s3.CreateBucketAsync("auth");
        using var client = s3.CreateClient("NOSUCHACCESSKEY00000", s3.SecretKey);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListObjectsV2Async(new() { BucketName = bucket }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }
}
