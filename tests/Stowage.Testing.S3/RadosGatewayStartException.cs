namespace Stowage.Testing.S3;

/// <summary>The test S3 server could not be started; the message names the failing step and quotes its log.</summary>
public sealed class RadosGatewayStartException : Exception
{
    public RadosGatewayStartException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    internal bool IsPortCollision => Message.Contains("Address already in use", StringComparison.Ordinal);
}
