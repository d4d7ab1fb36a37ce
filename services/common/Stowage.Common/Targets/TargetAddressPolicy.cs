using System.Net;
using System.Net.Sockets;

namespace Stowage.Common.Targets;

/// <summary>
/// Keeps S3 targets from being a way into the network the services run in: loopback, link-local (cloud metadata lives
/// on 169.254.169.254) and unspecified addresses are refused unless <c>Targets:AllowedAddresses</c> lists them, and
/// <c>Targets:AllowOnly</c>, when set, narrows targets to its hosts and networks. Private addresses (in-cluster MinIO)
/// are allowed. Checked at validation and again for each connection, after DNS resolution.
/// </summary>
public sealed class TargetAddressPolicy
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("::/128"), "unspecified"),
    ];

    private readonly IReadOnlyList<TargetAddressRule> allowed;
    private readonly IReadOnlyList<TargetAddressRule> allowOnly;

    /// <exception cref="FormatException">An entry is not an address, CIDR or host name, or AllowedAddresses names a host.</exception>
    public TargetAddressPolicy(TargetAddressOptions options)
    {
        allowed = Parse(options.AllowedAddresses, nameof(options.AllowedAddresses));
        allowOnly = Parse(options.AllowOnly, nameof(options.AllowOnly));
        if (allowed.FirstOrDefault(r => r.NamesHost) is { } named)
        {
            throw new FormatException($"{TargetAddressOptions.Section}:{nameof(options.AllowedAddresses)} takes addresses and CIDRs, " +
                $"not host names ('{named}'): a name can be made to resolve anywhere.");
        }
    }

    /// <summary>The policy with no configuration: loopback, link-local and unspecified addresses refused, all others allowed.</summary>
    public static TargetAddressPolicy Default { get; } = new(new TargetAddressOptions());

    /// <summary>An IPv4 address written as IPv6 (::ffff:127.0.0.1) is the IPv4 address: that is where it connects.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Null when a connection to <paramref name="address"/> (what <paramref name="host"/> resolved to) is allowed; else why not.</summary>
    public string? Refusal(string host, IPAddress address, int port)
    {
        address = Normalize(address);
        if (allowed.Any(r => r.Matches(host, address, port))) return null;
        var what = IPAddress.TryParse(host, out _) ? $"{address}" : $"{host} resolves to {address}, which";
        if (Refused.FirstOrDefault(r => r.Network.Contains(address)) is { Kind: { } kind })
        {
            return $"{what} is a {kind} address; a target may be there only if {TargetAddressOptions.Section}:AllowedAddresses lists it (with its port).";
        }
        if (allowOnly.Count > 0 && !allowOnly.Any(r => r.Matches(host, address, port)))
        {
            return $"{what} is not among the hosts and networks of {TargetAddressOptions.Section}:AllowOnly ({string.Join(", ", allowOnly)}) on port {port}.";
        }
        return null;
    }

    /// <summary>
    /// The check at validation: null when the endpoint may be used. A name that does not resolve now passes unless
    /// AllowOnly is set and does not name it; its connections are checked when they are made.
    /// </summary>
    public async Task<string?> CheckAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.DnsSafeHost;
        var addresses = await TryResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            return allowOnly.Count == 0 || allowOnly.Any(r => r.MatchesName(host, endpoint.Port)) ? null
                : $"{host} does not resolve, and {TargetAddressOptions.Section}:AllowOnly does not name it.";
        }
        return addresses.Select(a => Refusal(host, a, endpoint.Port)).FirstOrDefault(r => r is not null);
    }

    /// <summary>The check at connect time: the addresses of <paramref name="host"/> a connection may go to.</summary>
    /// <exception cref="TargetAddressRefusedException">It resolves to none that is allowed.</exception>
    /// <exception cref="SocketException">It does not resolve.</exception>
    public async Task<IReadOnlyList<IPAddress>> ResolveAllowedAsync(string host, int port, CancellationToken cancellationToken)
    {
        host = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = addresses.Where(a => Refusal(host, a, port) is null).Select(Normalize).ToList();
        return usable.Count > 0 ? usable
            : throw new TargetAddressRefusedException($"Stowage does not connect to {host}:{port}: " +
                (addresses.Length == 0 ? "it has no address." : Refusal(host, addresses[0], port)));
    }

    private static async Task<IPAddress[]> TryResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal)) return [literal];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }

    private static List<TargetAddressRule> Parse(IEnumerable<string> entries, string key) =>
        entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e =>
        {
            try
            {
                return TargetAddressRule.Parse(e);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"{TargetAddressOptions.Section}:{key}: {ex.Message}", ex);
            }
        }).ToList();
}
