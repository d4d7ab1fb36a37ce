namespace Stowage.Mover.Engine.Storage;

/// <summary>Parses a repository address: a local path, or s3:http(s)://host[:port]/bucket[/prefix].</summary>
public static class RepositoryLocation
{
    /// <summary>Creates the backend for an address; S3 credentials are passed in, never read from the address.</summary>
    public static IRepositoryBackend Open(string address, string? accessKey = null, string? secretKey = null, string region = "us-east-1",
        bool pathStyle = true, ObjectLockRetention? objectLock = null)
    {
        if (!address.StartsWith("s3:", StringComparison.Ordinal)) return new LocalDirectoryBackend(address);
        var uri = new Uri(address[3..]);
        var parts = uri.AbsolutePath.Trim('/').Split('/', 2);
        if (parts[0].Length == 0) throw new ArgumentException("An S3 address names a bucket: s3:http://host:port/bucket/prefix.");
        return new S3Backend(new S3BackendOptions
        {
            ServiceUrl = $"{uri.Scheme}://{uri.Authority}",
            Bucket = parts[0],
            Prefix = parts.Length > 1 ? parts[1] : "",
            Region = region,
            AccessKey = accessKey,
            SecretKey = secretKey,
            ForcePathStyle = pathStyle,
            ObjectLock = objectLock,
        });
    }
}
