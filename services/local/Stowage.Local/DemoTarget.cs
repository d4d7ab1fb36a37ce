namespace Stowage.Local;

/// <summary>
/// Where the demo keeps its backups: a local repository by default, or an S3 bucket when STOWAGE_DEMO_S3_ENDPOINT,
/// STOWAGE_DEMO_S3_BUCKET, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set. The services get the credentials
/// through configuration, never in the policy; the endpoint's own addresses are allowed (docs/operations.md, "Target network policy").
/// </summary>
internal static class DemoTarget
{
    private const string CredentialsEntry = "demo";

    public static (Dictionary<string, object?> Target, Dictionary<string, string> Settings) FromEnvironment()
    {
        var settings = new Dictionary<string, string>
        {
            [$"Credentials__{CredentialsEntry}__RepositoryPassword"] = Environment.GetEnvironmentVariable("STOWAGE_DEMO_PASSWORD") ?? "stowage-demo-password",
        };
        var credentials = new Dictionary<string, object?> { ["configurationName"] = CredentialsEntry };
        var endpoint = Environment.GetEnvironmentVariable("STOWAGE_DEMO_S3_ENDPOINT");
        if (string.IsNullOrEmpty(endpoint))
        {
            return (new() { ["provider"] = "local", ["bucket"] = "demo-backups", ["credentials"] = credentials }, settings);
        }
        AllowAddressesOf(new Uri(endpoint), settings);
        settings[$"Credentials__{CredentialsEntry}__AccessKeyId"] = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "";
        settings[$"Credentials__{CredentialsEntry}__SecretAccessKey"] = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "";
        return (new()
        {
            ["provider"] = "s3",
            ["bucket"] = Environment.GetEnvironmentVariable("STOWAGE_DEMO_S3_BUCKET") ?? "stowage-demo",
            ["endpoint"] = endpoint,
            ["region"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1",
            ["credentials"] = credentials,
        }, settings);
    }

    /// <summary>The target as `stowage policy create` flags: the address, the S3 endpoint and region if any, the credentials entry.</summary>
    public static IEnumerable<string> CliFlags(IReadOnlyDictionary<string, object?> target)
    {
        var s3 = target["provider"] is "s3";
        yield return "--target";
        yield return $"{(s3 ? "s3" : "local")}://{target["bucket"]}";
        if (s3)
        {
            yield return "--endpoint";
            yield return (string)target["endpoint"]!;
            yield return "--region";
            yield return (string)target["region"]!;
        }
        yield return "--credentials-config";
        yield return CredentialsEntry;
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
