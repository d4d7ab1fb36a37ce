using System.Diagnostics;

namespace Stowage.Discovery.Tests.FakeKubernetes;

public sealed class FakeServerKubectlTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    [Fact]
    public async Task Kubectl_creates_gets_and_deletes_against_the_fake_server()
    {
        var server = fixture.Server;
        await server.ApplyAsync(PodFactory.Pod("kubectl", "listed-by-kubectl"));
        var manifest = Path.Combine(Path.GetTempPath(), $"stowage-kubectl-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"from-kubectl","namespace":"kubectl"},"data":{"k":"v"}}""");

        var pods = await KubectlAsync(server.Url, "get", "pods", "-n", "kubectl", "-o", "name");
        await KubectlAsync(server.Url, "create", "--validate=false", "-f", manifest);
        var configMaps = await KubectlAsync(server.Url, "get", "configmaps", "-n", "kubectl");
        await File.WriteAllTextAsync(manifest, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"from-kubectl","namespace":"kubectl"},"data":{"k":"applied"}}""");
        await KubectlAsync(server.Url, "apply", "--validate=false", "-f", manifest);
        var applied = (string?)server.Get("v1", "ConfigMap", "kubectl", "from-kubectl")?["data"]?["k"];
        await KubectlAsync(server.Url, "delete", "configmap", "from-kubectl", "-n", "kubectl");

        Assert.Equal("pod/listed-by-kubectl", pods.Trim());
        Assert.Contains("from-kubectl", configMaps);
        Assert.Equal("applied", applied);
        Assert.Null(server.Get("v1", "ConfigMap", "kubectl", "from-kubectl"));
        File.Delete(manifest);
    }

    private static async Task<string> KubectlAsync(string url, params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--server", url, "--kubeconfig", "/dev/null" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var kubectl = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = kubectl.StandardOutput.ReadToEndAsync(cancel.Token);
        var errors = kubectl.StandardError.ReadToEndAsync(cancel.Token);
        await kubectl.WaitForExitAsync(cancel.Token);
        Assert.True(kubectl.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }
}
