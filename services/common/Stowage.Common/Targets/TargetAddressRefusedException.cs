using System.Net.Sockets;

namespace Stowage.Common.Targets;

/// <summary>
/// A connection the target address policy did not make. It is a socket error "access denied", which retries of an
/// unreachable store (<c>S3OutageRetry</c>) do not wait out: configuration, not time, fixes it.
/// </summary>
public sealed class TargetAddressRefusedException(string reason) : SocketException((int)SocketError.AccessDenied)
{
    public override string Message => reason;
}
