using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Crypto;

/// <summary>The master secret wrapped by a key derived from one password or key file (a file under keys/).</summary>
internal sealed record KeyEnvelope(
    [property: JsonPropertyName("kdf")] string Kdf,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("salt")] byte[] Salt,
    [property: JsonPropertyName("wrapped")] byte[] WrappedSecret,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("label")] string Label)
{
    public const string Pbkdf2 = "pbkdf2-sha256";
    public const string Hkdf = "hkdf-sha256";
    public const int DefaultIterations = 600_000;
    private static readonly byte[] AssociatedData = "stowage/v1/key-envelope"u8.ToArray();

    public static KeyEnvelope Wrap(MasterKey master, RepositorySecret secret, int iterations, string label)
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var kdf = secret.Source == KeySource.Password ? Pbkdf2 : Hkdf;
        var wrappingKey = DeriveWrappingKey(kdf, secret.Material, salt, iterations);
        using var cipher = new AuthenticatedCipher(wrappingKey);
        var wrapped = cipher.Seal(master.Secret, AssociatedData);
        return new KeyEnvelope(kdf, kdf == Pbkdf2 ? iterations : 0, salt, wrapped, DateTimeOffset.UtcNow, Environment.MachineName, label);
    }

    /// <summary>Returns null when the secret is not the one this envelope was made for.</summary>
    public MasterKey? TryUnwrap(RepositorySecret secret)
    {
        var expectedKdf = secret.Source == KeySource.Password ? Pbkdf2 : Hkdf;
        if (Kdf != expectedKdf) return null;
        var wrappingKey = DeriveWrappingKey(Kdf, secret.Material, Salt, Iterations);
        using var cipher = new AuthenticatedCipher(wrappingKey);
        var plain = new byte[MasterKey.SecretSize];
        return WrappedSecret.Length == MasterKey.SecretSize + AuthenticatedCipher.Overhead && cipher.TryOpen(WrappedSecret, AssociatedData, plain)
            ? MasterKey.FromSecret(plain)
            : null;
    }

    private static byte[] DeriveWrappingKey(string kdf, byte[] material, byte[] salt, int iterations) => kdf switch
    {
        Pbkdf2 => Rfc2898DeriveBytes.Pbkdf2(material, salt, Math.Max(iterations, 1000), HashAlgorithmName.SHA256, 32),
        Hkdf => HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt, "stowage/v1/key-file"u8.ToArray()),
        _ => throw new RepositoryDamagedException($"Unknown key derivation '{kdf}'."),
    };
}
