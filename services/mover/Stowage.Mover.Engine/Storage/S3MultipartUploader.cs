using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Mover.Engine.Storage;

/// <summary>
/// Uploads a large object in parts, each request ridden through outages on its own (a part is re-sent from its buffer);
/// an upload that fails is aborted so no partial object remains.
/// </summary>
internal sealed class S3MultipartUploader(IAmazonS3 client, S3BackendOptions options, S3OutageRetry retry)
{
    public async Task UploadAsync(string fullKey, Stream content, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = fullKey };
        S3ObjectLockHeaders.Apply(initiate, options.ObjectLock);
        var upload = await retry.RunAsync("write", _ => client.InitiateMultipartUploadAsync(initiate, cancellationToken), cancellationToken);
        try
        {
            var parts = await UploadPartsAsync(fullKey, upload.UploadId, content, cancellationToken);
            var complete = new CompleteMultipartUploadRequest { BucketName = options.Bucket, Key = fullKey, UploadId = upload.UploadId, PartETags = parts };
            await retry.RunAsync("write", async tries =>
            {
                try
                {
                    await client.CompleteMultipartUploadAsync(complete, cancellationToken);
                }
                catch (AmazonS3Exception e) when (tries > 0 && e.StatusCode == HttpStatusCode.NotFound)
                {
                    // An earlier try completed the upload but its answer was lost; the object is there.
                    await client.GetObjectMetadataAsync(options.Bucket, fullKey, cancellationToken);
                }
            }, cancellationToken);
        }
        catch
        {
            await AbortAsync(fullKey, upload.UploadId);
            throw;
        }
    }

    private async Task<List<PartETag>> UploadPartsAsync(string fullKey, string uploadId, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(options.PartSize, 5 * 1024 * 1024)];
        var parts = new List<PartETag>();
        for (var number = 1; ; number++)
        {
            var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (length == 0 && number > 1) break;
            var response = await retry.RunAsync("write", _ => client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = options.Bucket,
                Key = fullKey,
                UploadId = uploadId,
                PartNumber = number,
                PartSize = length,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
                MD5Digest = options.ObjectLock is null ? null : S3ObjectLockHeaders.Md5Of(buffer.AsSpan(0, length)),
            }, cancellationToken), cancellationToken);
            parts.Add(new PartETag(number, response.ETag));
            if (length < buffer.Length) break;
        }
        return parts;
    }

    // Best effort: when the store is still unreachable the abort fails too, and the bucket's lifecycle rule for
    // incomplete multipart uploads (docs/operations.md) removes the parts later.
    private async Task AbortAsync(string fullKey, string uploadId)
    {
        try
        {
            await client.AbortMultipartUploadAsync(options.Bucket, fullKey, uploadId, CancellationToken.None);
        }
        catch (Exception e) when (S3OutageRetry.IsOutage(e, CancellationToken.None))
        {
        }
    }
}
