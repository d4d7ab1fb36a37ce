using Amazon.S3.Model;
using Stowage.Testing.S3;

namespace Stowage.EndToEnd.Tests.Infrastructure;

/// <summary>A volume with one large file of random bytes, for tests that act while its copy is under way.</summary>
public static class LargeVolume
{
    public static void WriteRandomFile(string path, int bytes, int seed)
    {
        var random = new Random(seed);
        using var file = File.Create(path);
        var buffer = new byte[1024 * 1024];
        for (var written = 0; written < bytes; written += buffer.Length)
        {
            random.NextBytes(buffer);
            file.Write(buffer);
        }
    }

    /// <summary>Waits until a copy into the bucket has uploaded and indexed its first packs (so a later run can reuse them).</summary>
    public static async Task WaitForIndexedPacksAsync(S3ServerFixture s3, string bucket)
    {
        using var client = s3.CreateClient();
        await Eventually.TrueAsync(async () => (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "stowage/index/" })).KeyCount > 0,
            "the copy to index its first packs", TimeSpan.FromSeconds(120));
    }
}
