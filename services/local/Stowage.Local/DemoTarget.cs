namespace Stowage.Local;

/// <summary>
/// Where the demo keeps its backups: a local repository by default, or an S3 bucket when STOWAGE_DEMO_S3_ENDPOINT,
/// STOWAGE_DEMO_S3_BUCKET, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set. The services get the credentials
/// through configuration, never in the policy; the endpoint's own addresses are allowed (docs/operations.md, "Target network policy").
/// </summary>
internal static class DemoTarget
{
    public static (Dictionary<string, object?> Target, Dictionary<string, string> Settings) FromEnvironment()
    {
        var settings = new Dictionary<string, string>
        {
            ["Credentials__demo__RepositoryPassword"] = Environment.GetEnvironmentVariable("STOWAGE_DEMO_PASSWORD") ?? "stowage-demo-password",
        };
        var credentials = new Dictionary<string, object?> { ["configurationName"] = "demo" };
        var endpoint = Environment.GetEnvironmentVariable("STOWAGE_DEMO_S3_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            return (new() { ["provider"] = "local", ["bucket"] = "demo-backups", ["credentials"] = credentials }, settings);
        }
        AllowAddressesOf(new Uri(endpoint), settings);
        settings["Credentials__demo__AccessKeyId"] = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "";
        settings["Credentials__demo__SecretAccessKey"] = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "";
        return (new()
        {
            ["provider"] = "s3",
            ["bucket"] = Environment.GetEnvironmentVariable("STOWAGE_DEMO_S3_BUCKET") ?? "stowage-demo",
            ["endpoint"] = endpoint,
            ["region"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
            ["credentials"] = credentials,
        }, settings);
    }

    // A demo's S3 server usually runs on this machine, on loopback: allow exactly its addresses and port, nothing else.
    private static void AllowAddressesOf(Uri endpoint, Dictionary<string, string> settings)
    {
        var addresses = System.Net.Dns.GetHostAddresses(endpoint.DnsSafeHost);
        for (var i = 0; i < addresses.Length; i++)
        {
            settings[$"Targets__AllowedAddresses__{i}"] = new System.Net.IPEndPoint(addresses[i], endpoint.Port).ToString();
        }
    }
}
