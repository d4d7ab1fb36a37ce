using Amazon.S3;

namespace Stowage.Testing.S3.Tests;

public sealed class RadosGatewayLifecycleTests
{
    [Fact]
    public async Task Dispose_stops_every_daemon_and_deletes_the_folder()
    {
        var gateway = await RadosGateway.StartAsync();
        var user = await gateway.CreateUserAsync("lifecycle");
        using (var client = new AmazonS3Client(user.AccessKey, user.SecretKey, new AmazonS3Config { ServiceURL = gateway.ServiceUrl, ForcePathStyle = true }))
        {
            await client.PutBucketAsync("lifecycle");
        }

        var pids = gateway.ProcessIds;
        gateway.Dispose();

        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} still runs"));
        Assert.False(Directory.Exists(gateway.Directory));
    }

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');
}
