using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Mover.Engine.Storage;

/// <summary>A repository under a prefix of an S3-compatible bucket.</summary>
public sealed class S3Backend : IRepositoryBackend
{
    private readonly IAmazonS3 _client;
    private readonly S3BackendOptions _options;
    private readonly S3MultipartUploader _multipart;
    private readonly S3OutageRetry _retry;
    private readonly string _prefix;

    /// <summary>Creates a client from the options.</summary>
    public S3Backend(S3BackendOptions options) : this(CreateClient(options), options)
    {
    }

    /// <summary>Uses a client made elsewhere (for example by a test fixture).</summary>
    public S3Backend(IAmazonS3 client, S3BackendOptions options)
    {
        _client = client;
        _options = options;
        _prefix = options.Prefix.Length == 0 || options.Prefix.EndsWith('/') ? options.Prefix : options.Prefix + "/";
        _retry = new S3OutageRetry(options);
        _multipart = new S3MultipartUploader(client, options, _retry);
    }

    /// <inheritdoc />
    public string Location => _options.ToString();

    /// <summary>Builds a client for a custom endpoint or AWS.</summary>
    public static IAmazonS3 CreateClient(S3BackendOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, HttpClientFactory = new QuickAckHttpClientFactory() };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        if (options.ChecksumsOnlyWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        return options.AccessKey is null
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    /// <inheritdoc />
    public Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken) =>
        WriteAsync(key, AsStream(data), mustNotExist, cancellationToken);

    /// <inheritdoc />
    public async Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken)
    {
        var fullKey = _prefix + key;
        var start = content.Position;
        if (content.Length - start >= _options.MultipartThreshold && !mustNotExist)
        {
            await _multipart.UploadAsync(fullKey, content, cancellationToken);
            return;
        }
        await _retry.RunAsync("write", async tries =>
        {
            content.Position = start;
            var request = new PutObjectRequest { BucketName = _options.Bucket, Key = fullKey, InputStream = content, AutoCloseStream = false };
            if (mustNotExist) request.IfNoneMatch = "*";
            S3ObjectLockHeaders.Apply(request, _options.ObjectLock, content);
            try
            {
                await _client.PutObjectAsync(request, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                // A try cut off after the store took the object leaves it there; the same bytes mean it was this write.
                if (tries == 0 || !await HoldsAsync(key, content, start, cancellationToken)) throw new ObjectExistsException(key);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A PUT replaces an object atomically; on a versioned (Object Lock) bucket the old bytes stay as an older version.</remarks>
    public Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        WriteAsync(key, data, mustNotExist: false, cancellationToken);

    private async Task<bool> HoldsAsync(string key, Stream content, long start, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(key, cancellationToken);
        content.Position = start;
        var expected = new byte[content.Length - start];
        await content.ReadExactlyAsync(expected, cancellationToken);
        return stored.AsSpan().SequenceEqual(expected);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.RunAsync("read", async _ =>
            {
                using var response = await _client.GetObjectAsync(_options.Bucket, _prefix + key, cancellationToken);
                var length = response.ContentLength;
                using var buffer = new MemoryStream(length > 0 ? (int)length : 0);
                await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
                return buffer.ToArray();
            }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectMissingException(key);
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenRangeAsync(string key, long offset, long length, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = _options.Bucket,
            Key = _prefix + key,
            ByteRange = new ByteRange(offset, offset + Math.Max(length, 1) - 1),
        };
        try
        {
            // The response stream reads the body from the connection as the caller consumes it; disposing it
            // releases the connection.
            var response = await _retry.RunAsync("read", _ => _client.GetObjectAsync(request, cancellationToken), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectMissingException(key);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _prefix + prefix };
        while (true)
        {
            var response = await _retry.RunAsync("list", _ => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            foreach (var item in response.S3Objects ?? [])
                yield return new StoredObject(item.Key[_prefix.Length..], item.Size ?? 0,
                    item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue);
            if (response.IsTruncated != true) yield break;
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _retry.RunAsync("delete", _ => _client.DeleteObjectAsync(_options.Bucket, _prefix + key, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    internal static MemoryStream AsStream(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
}
