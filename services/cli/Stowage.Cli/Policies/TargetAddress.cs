namespace Stowage.Cli.Policies;

/// <summary>
/// A target written as an address: <c>s3://bucket/prefix</c> (AWS, or any S3 endpoint given --endpoint), <c>gs://</c>
/// (GCP), <c>minio://</c>, <c>cloudian://</c> (both need --endpoint) or <c>local://</c> (a folder of the mover's machine).
/// </summary>
internal static class TargetAddress
{
    public static (string Provider, string Bucket, string Prefix) Parse(string address, string? provider, string? endpoint)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) throw new UsageException($"--target '{address}' is not PROVIDER://BUCKET/PREFIX, e.g. s3://backups/shop");
        var rest = address[(scheme + 3)..].Trim('/');
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new UsageException($"--target '{address}' names no bucket");
        var named = address[..scheme].ToLowerInvariant() switch
        {
            "s3" => endpoint is null ? "aws" : "s3",
            "gs" or "gcs" => "gcp",
            var other => other,
        };
        return (provider ?? named, bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }
}
