using Amazon.S3.Model;
using Stowage.Testing.S3;

// Prints the endpoint and keys as shell assignments, creates the benchmark buckets, then serves until stdin closes.
var server = new S3ServerFixture();
await server.InitializeAsync();
using (var client = server.CreateClient())
{
    foreach (var bucket in new[] { "bench-stowage", "bench-restic" }) await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
}
Console.WriteLine($"S3_ENDPOINT={server.ServiceUrl}");
Console.WriteLine($"AWS_ACCESS_KEY_ID={server.AccessKey}");
Console.WriteLine($"AWS_SECRET_ACCESS_KEY={server.SecretKey}");
Console.WriteLine("S3_BUCKETS_READY");
while (Console.In.ReadLine() is not null)
{
}
