using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Stowage.Mover.Engine.Crypto;

/// <summary>The master secret wrapped by a key derived from one password or key file (a file under keys/).</summary>
internal sealed record KeyEnvelope(
    [property: JsonPropertyName("kdf")] string Kdf,
    [property: JsonPropertyName("iterations")] long Iterations,
    [property: JsonPropertyName("salt")] byte[] Salt,
    [property: JsonPropertyName("wrapped")] byte[] WrappedSecret,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("format")] int? Format = null)
{
    public const string Pbkdf2 = "pbkdf2-sha256";
    public const string Hkdf = "hkdf-sha256";
    public const int DefaultIterations = 600_000;
    // Below the minimum a password is cheap to guess; above the maximum opening takes minutes, which an edited
    // envelope could otherwise demand (10^12 iterations would run for days before "wrong password").
    public const int MinIterations = 100_000, MaxIterations = 10_000_000;
    private const int SaltSize = 32;
    /// <summary>Envelopes made now name the format version they belong to. The name is bound into the seal, so it
    /// cannot be removed, and a version-1 config beside such an envelope is a config put back by someone else.</summary>
    public const int CurrentFormat = 2;
    private static readonly byte[] Version1AssociatedData = "stowage/v1/key-envelope"u8.ToArray();
    private static readonly byte[] Version2AssociatedData = "stowage/v2/key-envelope"u8.ToArray();

    /// <summary>Wraps the master secret for secret; format is that of the repository (null for version 1, whose
    /// clients know only unbound envelopes).</summary>
    public static KeyEnvelope Wrap(MasterKey master, RepositorySecret secret, int iterations, string label, int? format = CurrentFormat)
    {
        if (secret.Source == KeySource.Password && iterations is < MinIterations or > MaxIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"PBKDF2 iterations must be {MinIterations:N0} to {MaxIterations:N0}.");
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var kdf = secret.Source == KeySource.Password ? Pbkdf2 : Hkdf;
        var wrappingKey = DeriveWrappingKey(kdf, secret.Material, salt, iterations);
        using var cipher = new AuthenticatedCipher(wrappingKey);
        var envelope = new KeyEnvelope(kdf, kdf == Pbkdf2 ? iterations : 0, salt, [], DateTimeOffset.UtcNow, Environment.MachineName, label, format);
        return envelope with { WrappedSecret = cipher.Seal(master.Secret, envelope.AssociatedData) };
    }

    private byte[] AssociatedData => Format is null ? Version1AssociatedData : Version2AssociatedData;

    /// <summary>The PBKDF2 count to use when this envelope's secret is wrapped again.</summary>
    public int RewrapIterations => Kdf == Pbkdf2 ? (int)Iterations : DefaultIterations;

    /// <summary>Refuses, naming the field, an envelope whose parameters no stowage-mover writes.</summary>
    public void Validate(string where)
    {
        var problem = Kdf switch
        {
            Pbkdf2 when Iterations is < MinIterations or > MaxIterations =>
                $"field 'iterations' is {Iterations:N0}, outside {MinIterations:N0} to {MaxIterations:N0}",
            Hkdf when Iterations != 0 => $"field 'iterations' is {Iterations:N0}, but {Hkdf} takes none",
            Pbkdf2 or Hkdf => null,
            _ => $"field 'kdf' is '{Kdf}', not {Pbkdf2} or {Hkdf}",
        };
        problem ??= Format is not (null or CurrentFormat) ? $"field 'format' is {Format}, not {CurrentFormat}"
            : Salt is null || Salt.Length != SaltSize ? $"field 'salt' is not {SaltSize} bytes"
            : WrappedSecret is null || WrappedSecret.Length != MasterKey.SecretSize + AuthenticatedCipher.Overhead ? "field 'wrapped' has the wrong length"
            : null;
        if (problem is not null) throw new RepositoryDamagedException($"{where}: {problem}; the envelope was modified or is corrupt.");
    }

    /// <summary>Returns null when the secret is not the one this envelope was made for.</summary>
    public MasterKey? TryUnwrap(RepositorySecret secret)
    {
        var expectedKdf = secret.Source == KeySource.Password ? Pbkdf2 : Hkdf;
        if (Kdf != expectedKdf) return null;
        var wrappingKey = DeriveWrappingKey(Kdf, secret.Material, Salt, Iterations);
        using var cipher = new AuthenticatedCipher(wrappingKey);
        var plain = new byte[MasterKey.SecretSize];
        return cipher.TryOpen(WrappedSecret, AssociatedData, plain) ? MasterKey.FromSecret(plain) : null;
    }

    private static byte[] DeriveWrappingKey(string kdf, byte[] material, byte[] salt, long iterations) => kdf switch
    {
        Pbkdf2 => Rfc2898DeriveBytes.Pbkdf2(material, salt, checked((int)iterations), HashAlgorithmName.SHA256, 32),
        Hkdf => HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt, "stowage/v1/key-file"u8.ToArray()),
        _ => throw new RepositoryDamagedException($"Unknown key derivation '{kdf}'."),
    };
}
