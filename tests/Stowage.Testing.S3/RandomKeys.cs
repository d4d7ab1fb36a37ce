using System.Security.Cryptography;

namespace Stowage.Testing.S3;

internal static class RandomKeys
{
    private const string AccessKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string AccessKey() => RandomNumberGenerator.GetString(AccessKeyAlphabet, 20);

    public static string SecretKey() => RandomNumberGenerator.GetString(SecretKeyAlphabet, 40);
}
