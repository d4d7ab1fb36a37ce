using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.Tests.Hosting;

public sealed class SidecarCommandLineTests
{
    private static readonly SidecarTokens Tokens = new("app-token", "api-token");

    [Fact]
    public void Apps_get_consecutive_ports_from_the_base_ports_and_options_are_read()
    {
        var options = SidecarCommandLine.Parse(
        [
            "--app", "policy=5101", "--app", "mover=5104", "--grpc-port", "50001", "--http-port", "3500",
            "--state", "sqlite:/tmp/sidecar.db", "--outbox", "statestore=pubsub/stowage-outbox",
        ], Tokens);

        Assert.Equal(
            [new LocalSidecarAppOptions("policy", 5101, 50001, 3500, Tokens), new LocalSidecarAppOptions("mover", 5104, 50002, 3501, Tokens)],
            options.Apps);
        Assert.Equal("/tmp/sidecar.db", options.SqlitePath);
        Assert.Equal(new OutboxRoute("pubsub", "stowage-outbox"), options.Outboxes["statestore"]);
    }

    [Fact]
    public void Without_base_ports_free_ports_are_picked_and_state_stays_in_memory()
    {
        var options = SidecarCommandLine.Parse(["--app", "policy=5101"], SidecarTokens.None);

        Assert.Equal(new LocalSidecarAppOptions("policy", 5101, Tokens: SidecarTokens.None), Assert.Single(options.Apps));
        Assert.Null(options.SqlitePath);
    }

    [Fact]
    public void An_unknown_option_is_refused() =>
        Assert.Throws<ArgumentException>(() => SidecarCommandLine.Parse(["--app", "policy=5101", "--bogus", "1"], SidecarTokens.None));
}
