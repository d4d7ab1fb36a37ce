using System.Globalization;
using System.Net;
using Stowage.Common.Validation;

namespace Stowage.Common.Targets;

/// <summary>One entry of the target address configuration: a network or a host name, on any port or on one.</summary>
public sealed class TargetAddressRule
{
    private readonly IPNetwork? network;
    private readonly string? host;
    private readonly int? port;

    private TargetAddressRule(IPNetwork? network, string? host, int? port)
    {
        this.network = network;
        this.host = host;
        this.port = port;
    }

    /// <summary>A host name rather than a network: it says nothing about the address the name resolves to.</summary>
    public bool NamesHost => host is not null;

    /// <exception cref="FormatException">The entry is neither an address, a CIDR nor a host name, or its port is not a port.</exception>
    public static TargetAddressRule Parse(string entry)
    {
        var (head, portText) = SplitPort(entry.Trim());
        int? port = null;
        if (portText is not null)
        {
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535
                ? p : throw new FormatException($"'{entry}' has no valid port after ':'.");
        }
        if (IPNetwork.TryParse(head, out var cidr)) return new(cidr, null, port);
        if (IPAddress.TryParse(head, out var address))
        {
            address = TargetAddressPolicy.Normalize(address);
            return new(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128), null, port);
        }
        var name = head.ToLowerInvariant();
        if (KubernetesNames.IsDnsSubdomain(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name)) return new(null, name, port);
        throw new FormatException($"'{entry}' is neither an address, a CIDR nor a host name.");
    }

    /// <summary>Whether a connection to <paramref name="address"/>, which <paramref name="targetHost"/> resolved to, matches.</summary>
    public bool Matches(string targetHost, IPAddress address, int targetPort) =>
        PortMatches(targetPort) && (network is { } net ? net.Contains(address) : NameMatches(targetHost));

    /// <summary>Whether the rule names this host, whatever it resolves to; false for networks.</summary>
    public bool MatchesName(string targetHost, int targetPort) => host is not null && PortMatches(targetPort) && NameMatches(targetHost);

    private bool PortMatches(int targetPort) => port is not { } only || only == targetPort;

    private bool NameMatches(string targetHost) => host!.StartsWith("*.", StringComparison.Ordinal)
        ? targetHost.EndsWith(host[1..], StringComparison.OrdinalIgnoreCase)
        : string.Equals(targetHost, host, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => (network?.ToString() ?? host!) + (port is { } p ? $" port {p}" : "");

    private static (string Head, string? Port) SplitPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0) throw new FormatException($"'{entry}' opens '[' without closing it.");
            var rest = entry[(close + 1)..];
            if (rest.Length > 0 && !rest.StartsWith(':')) throw new FormatException($"'{entry}' has something other than ':port' after ']'.");
            return (entry[1..close], rest.Length > 0 ? rest[1..] : null);
        }
        // One colon is host:port; more are an IPv6 address, which takes a port only in brackets.
        var colon = entry.IndexOf(':');
        return colon >= 0 && colon == entry.LastIndexOf(':') ? (entry[..colon], entry[(colon + 1)..]) : (entry, null);
    }
}
