using System.Security.Cryptography;

namespace Stowage.Mover.Engine.Crypto;

/// <summary>The random per-repository secret and the keys derived from it with HKDF-SHA256.</summary>
internal sealed class MasterKey
{
    public const int SecretSize = 32;

    private MasterKey(byte[] secret)
    {
        Secret = secret;
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "stowage/v1/encryption"u8.ToArray());
        ChunkIdKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "stowage/v1/chunk-id"u8.ToArray());
        ChunkerSeed = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "stowage/v1/chunker"u8.ToArray());
        ConfigKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "stowage/v2/config"u8.ToArray());
    }

    public byte[] Secret { get; }
    public byte[] EncryptionKey { get; }
    public byte[] ChunkIdKey { get; }
    public byte[] ChunkerSeed { get; }
    /// <summary>Authenticates the config object (format version 2).</summary>
    public byte[] ConfigKey { get; }

    public static MasterKey CreateRandom() => new(RandomNumberGenerator.GetBytes(SecretSize));

    public static MasterKey FromSecret(byte[] secret) =>
        secret.Length == SecretSize ? new MasterKey(secret) : throw new RepositoryDamagedException("The master key has the wrong length.");
}
