namespace Stowage.Common.Targets;

/// <summary>
/// Where S3 targets may be ("Targets" configuration section). Each entry is an address, a CIDR or (in
/// <see cref="AllowOnly"/> only) a host name such as <c>minio.example</c> or <c>*.example</c>, with an optional port:
/// <c>127.0.0.1:7480</c>, <c>[::1]:7480</c>, <c>10.0.0.0/8</c>, <c>[fd00::/8]:9000</c>.
/// </summary>
public sealed class TargetAddressOptions
{
    public const string Section = "Targets";

    /// <summary>Addresses allowed although they are loopback, link-local or unspecified (a test server, a node-local store).</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>When not empty, the only hosts and networks a target may be on (an entry of <see cref="AllowedAddresses"/> is always allowed).</summary>
    public List<string> AllowOnly { get; set; } = [];
}
