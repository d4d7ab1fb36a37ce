using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit;

namespace Stowage.Testing.S3;

/// <summary>
/// A real S3 endpoint (Ceph RADOS Gateway on 127.0.0.1) and the keys of a user on it. The server is started once
/// per test process by the first fixture initialised (about 5-20 s) and shared by every fixture; it stops when
/// the test process exits. See <see cref="S3ServerCollection"/> for how a test project declares the collection.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    private RadosGateway? gateway;
    private S3Credentials? user;

    /// <summary>The endpoint, such as <c>http://127.0.0.1:7480</c>.</summary>
    public string ServiceUrl => Gateway.ServiceUrl;

    public string AccessKey => User.AccessKey;

    public string SecretKey => User.SecretKey;

    /// <summary>The region to sign requests for; the gateway accepts any.</summary>
    public string Region => "us-east-1";

    /// <summary>The gateway itself, for tests that need more users or its folder.</summary>
    public RadosGateway Gateway => gateway ?? throw NotInitialized();

    private S3Credentials User => user ?? throw NotInitialized();

    public async Task InitializeAsync()
    {
        (gateway, user) = await SharedS3Server.GetAsync();
    }

    /// <summary>Does nothing: the shared server outlives each collection and stops at process exit.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A client for the test user: path-style, checksums only when an operation requires them.</summary>
    public IAmazonS3 CreateClient() => CreateClient(AccessKey, SecretKey);

    /// <summary>A client signing with the given keys, for example a wrong secret.</summary>
    public IAmazonS3 CreateClient(string accessKey, string secretKey) =>
        new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = ServiceUrl,
            AuthenticationRegion = Region,
            ForcePathStyle = true,
            // radosgw 16 rejects the SDK's default aws-chunked uploads with trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>Creates a bucket with a unique name that starts with <paramref name="namePrefix"/> and returns the name.</summary>
    /// <param name="namePrefix">Readable start of the name; characters S3 does not allow become dashes.</param>
    /// <param name="objectLock">Create the bucket with Object Lock (and so versioning) enabled.</param>
    public async Task<string> CreateBucketAsync(string namePrefix, bool objectLock = false)
    {
        var name = BucketNames.Unique(namePrefix);
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name, ObjectLockEnabledForBucket = objectLock ? true : null });
        return name;
    }

    private static InvalidOperationException NotInitialized() =>
        new("S3ServerFixture is used before xunit initialised it; receive it through the test class constructor.");
}
