namespace Stowage.Testing.S3.Tests;

internal static class RandomBytes
{
    public static byte[] Of(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
