using System.Net.Sockets;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.S3;

public sealed class S3OutageClassificationTests
{
    private static bool IsOutage(SocketError error) =>
        S3OutageRetry.IsOutage(new HttpRequestException("connect failed", new SocketException((int)error)), CancellationToken.None);

    [Fact]
    public void A_refused_or_unreachable_connection_is_an_outage_to_wait_out()
    {
        Assert.True(IsOutage(SocketError.ConnectionRefused));
        Assert.True(IsOutage(SocketError.HostUnreachable));
    }

    [Fact]
    public void A_connection_denied_by_the_callers_own_rules_is_not() => Assert.False(IsOutage(SocketError.AccessDenied));
}
