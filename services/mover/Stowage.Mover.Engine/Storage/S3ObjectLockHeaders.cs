using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.Mover.Engine.Storage;

/// <summary>S3 requires Content-MD5 on every write that carries an Object Lock retention.</summary>
internal static class S3ObjectLockHeaders
{
    public static void Apply(PutObjectRequest request, ObjectLockRetention? retention, Stream content)
    {
        if (retention is null) return;
        var start = content.Position;
        var md5 = Convert.ToBase64String(MD5.HashData(content));
        content.Position = start;
        request.ObjectLockMode = retention.Compliance ? ObjectLockMode.Compliance : ObjectLockMode.Governance;
        request.ObjectLockRetainUntilDate = DateTime.UtcNow + retention.Duration;
        request.MD5Digest = md5;
    }

    public static void Apply(InitiateMultipartUploadRequest request, ObjectLockRetention? retention)
    {
        if (retention is null) return;
        request.ObjectLockMode = retention.Compliance ? ObjectLockMode.Compliance : ObjectLockMode.Governance;
        request.ObjectLockRetainUntilDate = DateTime.UtcNow + retention.Duration;
    }

    public static string Md5Of(ReadOnlySpan<byte> data) => Convert.ToBase64String(MD5.HashData(data));
}
