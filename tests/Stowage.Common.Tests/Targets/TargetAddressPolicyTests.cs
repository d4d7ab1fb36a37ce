using System.Net;
using Stowage.Common.Targets;

namespace Stowage.Common.Tests.Targets;

public sealed class TargetAddressPolicyTests
{
    private static TargetAddressPolicy Policy(string[]? allowed = null, string[]? only = null) =>
        new(new TargetAddressOptions { AllowedAddresses = [.. allowed ?? []], AllowOnly = [.. only ?? []] });

    private static string? Refusal(TargetAddressPolicy policy, string address, int port = 9000, string? host = null) =>
        policy.Refusal(host ?? address, IPAddress.Parse(address), port);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.45.0.3", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("169.254.0.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fe80::1%2", "link-local")]
    [InlineData("febf::ffff", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    public void Loopback_link_local_and_unspecified_addresses_are_refused_by_default(string address, string kind) =>
        Assert.Contains($"a {kind} address", Refusal(TargetAddressPolicy.Default, address));

    [Theory]
    [InlineData("10.0.0.12")]
    [InlineData("172.16.4.2")]
    [InlineData("192.168.1.20")]
    [InlineData("fd00::12")]
    [InlineData("52.216.0.1")]
    [InlineData("2600:1f18::1")]
    [InlineData("::ffff:10.0.0.12")]
    [InlineData("fec0::1")]
    public void Private_and_public_addresses_are_allowed_by_default(string address) =>
        Assert.Null(Refusal(TargetAddressPolicy.Default, address));

    [Fact]
    public void A_name_that_resolves_to_a_refused_address_is_named_with_the_address()
    {
        var refusal = Refusal(TargetAddressPolicy.Default, "169.254.169.254", host: "metadata.google.internal");
        Assert.Contains("metadata.google.internal resolves to 169.254.169.254", refusal);
        Assert.Contains("Targets:AllowedAddresses", refusal);
    }

    [Fact]
    public void An_allowed_address_with_a_port_allows_that_port_only()
    {
        var policy = Policy(allowed: ["127.0.0.1:7480"]);
        Assert.Null(Refusal(policy, "127.0.0.1", 7480));
        Assert.Null(Refusal(policy, "::ffff:127.0.0.1", 7480));
        Assert.NotNull(Refusal(policy, "127.0.0.1", 7481));
        Assert.NotNull(Refusal(policy, "127.0.0.2", 7480));
        Assert.NotNull(Refusal(policy, "::1", 7480));
    }

    [Fact]
    public void Allowed_networks_and_bracketed_ipv6_entries_apply_on_any_or_one_port()
    {
        var policy = Policy(allowed: ["169.254.10.0/24", "[::1]:7480", "[fe80::/64]:9000"]);
        Assert.Null(Refusal(policy, "169.254.10.77", 1));
        Assert.NotNull(Refusal(policy, "169.254.169.254", 80));
        Assert.Null(Refusal(policy, "::1", 7480));
        Assert.NotNull(Refusal(policy, "::1", 7481));
        Assert.Null(Refusal(policy, "fe80::5", 9000));
        Assert.NotNull(Refusal(policy, "fe80:0:0:1::5", 9000));
    }

    [Fact]
    public void Allow_only_narrows_targets_to_its_networks_and_hosts()
    {
        var policy = Policy(only: ["10.0.0.0/8", "minio.example:9000", "*.s3.example"]);
        Assert.Null(Refusal(policy, "10.1.2.3"));
        Assert.Contains("Targets:AllowOnly", Refusal(policy, "192.168.1.20"));
        Assert.Null(Refusal(policy, "192.168.1.20", 9000, host: "minio.example"));
        Assert.NotNull(Refusal(policy, "192.168.1.20", 9001, host: "minio.example"));
        Assert.Null(Refusal(policy, "52.216.0.1", 443, host: "eu.s3.example"));
        Assert.NotNull(Refusal(policy, "52.216.0.1", 443, host: "s3.example.evil"));
    }

    [Fact]
    public void Allow_only_does_not_lift_the_refusal_of_loopback_but_allowed_addresses_pass_it()
    {
        Assert.Contains("loopback", Refusal(Policy(only: ["127.0.0.0/8"]), "127.0.0.1"));
        Assert.Null(Refusal(Policy(allowed: ["127.0.0.1:7480"], only: ["10.0.0.0/8"]), "127.0.0.1", 7480));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:http")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("[::1")]
    [InlineData("not a host")]
    public void Bad_allowed_addresses_are_refused_at_start(string entry) =>
        Assert.Throws<FormatException>(() => Policy(allowed: [entry]));

    [Fact]
    public async Task Validation_resolves_names_and_refuses_one_that_resolves_to_loopback()
    {
        Assert.Contains("localhost resolves to", await TargetAddressPolicy.Default.CheckAsync(new Uri("http://localhost:7480/"), CancellationToken.None));
        Assert.Contains("a link-local address", await TargetAddressPolicy.Default.CheckAsync(new Uri("http://169.254.169.254/"), CancellationToken.None));
        Assert.Contains("loopback", await TargetAddressPolicy.Default.CheckAsync(new Uri("http://[::1]:7480/"), CancellationToken.None));
        Assert.Null(await Policy(allowed: ["[::1]:7480"]).CheckAsync(new Uri("http://[::1]:7480/"), CancellationToken.None));
        Assert.Null(await TargetAddressPolicy.Default.CheckAsync(new Uri("https://10.0.0.12:9000/"), CancellationToken.None));
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_passes_validation_unless_allow_only_leaves_it_out()
    {
        var endpoint = new Uri("https://minio.stowage.invalid:9000/");
        Assert.Null(await TargetAddressPolicy.Default.CheckAsync(endpoint, CancellationToken.None));
        Assert.Null(await Policy(only: ["*.stowage.invalid"]).CheckAsync(endpoint, CancellationToken.None));
        Assert.Contains("does not resolve", await Policy(only: ["10.0.0.0/8"]).CheckAsync(endpoint, CancellationToken.None));
    }
}
