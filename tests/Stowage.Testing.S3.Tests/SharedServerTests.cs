using Xunit.Abstractions;

namespace Stowage.Testing.S3.Tests;

[Collection(S3ServerCollection.Name)]
public sealed class SharedServerTests(S3ServerFixture s3, ITestOutputHelper output)
{
    [Fact]
    public async Task Fixtures_in_one_test_process_share_one_server()
    {
        var other = new S3ServerFixture();
        await other.InitializeAsync();

        Assert.Equal(s3.ServiceUrl, other.ServiceUrl);
        Assert.Equal(s3.AccessKey, other.AccessKey);
    }

    [Fact]
    public void Server_listens_on_loopback_and_keeps_its_state_in_its_own_folder()
    {
        output.WriteLine($"{s3.ServiceUrl} started in {s3.Gateway.StartupTime.TotalSeconds:0.0} s in {s3.Gateway.Directory}");

        Assert.StartsWith("http://127.0.0.1:", s3.ServiceUrl);
        Assert.True(Directory.Exists(s3.Gateway.Directory));
        Assert.All(s3.Gateway.ProcessIds, pid => Assert.Contains(s3.Gateway.Directory, File.ReadAllText($"/proc/{pid}/cmdline")));
    }
}
