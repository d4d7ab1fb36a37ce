using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Mover.Engine.Storage;

/// <summary>Uploads a large object in parts; an interrupted upload is aborted so no partial object remains.</summary>
internal sealed class S3MultipartUploader(IAmazonS3 client, S3BackendOptions options)
{
    public async Task UploadAsync(string fullKey, Stream content, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = fullKey };
        S3ObjectLockHeaders.Apply(initiate, options.ObjectLock);
        var upload = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        try
        {
            var partSize = Math.Max(options.PartSize, 5 * 1024 * 1024);
            var buffer = new byte[partSize];
            var parts = new List<PartETag>();
            for (var number = 1; ; number++)
            {
                var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (length == 0 && number > 1) break;
                var request = new UploadPartRequest
                {
                    BucketName = options.Bucket,
                    Key = fullKey,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    PartSize = length,
                    InputStream = new MemoryStream(buffer, 0, length, writable: false),
                };
                if (options.ObjectLock is not null) request.MD5Digest = S3ObjectLockHeaders.Md5Of(buffer.AsSpan(0, length));
                var response = await client.UploadPartAsync(request, cancellationToken);
                parts.Add(new PartETag(number, response.ETag));
                if (length < buffer.Length) break;
            }
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = options.Bucket,
                Key = fullKey,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await client.AbortMultipartUploadAsync(options.Bucket, fullKey, upload.UploadId, CancellationToken.None);
            throw;
        }
    }
}
