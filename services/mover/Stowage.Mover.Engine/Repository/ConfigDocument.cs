using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Stowage.Mover.Engine.Repository;

/// <summary>
/// The "config" object as stored. Version 1 is the plain config JSON. Version 2 is
/// <c>{"version":2,"config":{...},"mac":"..."}</c>: the MAC is HMAC-SHA256, under a key derived from the master
/// secret, of the exact bytes of the "config" value, so the parameters can be read by anyone but changed by no
/// one without the key. The outer version lets clients that know only version 1 refuse it by name.
/// </summary>
internal sealed class ConfigDocument
{
    private readonly byte[]? _signed;
    private readonly byte[]? _mac;

    private ConfigDocument(RepositoryConfig config, byte[]? signed, byte[]? mac)
    {
        Unverified = config;
        _signed = signed;
        _mac = mac;
    }

    /// <summary>The parameters as read, not yet authenticated: use <see cref="Verify"/>.</summary>
    public RepositoryConfig Unverified { get; }

    public static ConfigDocument Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 0;
            switch (version)
            {
                case RepositoryConfig.Version1:
                    return new ConfigDocument(Deserialize(bytes), null, null);
                case RepositoryConfig.Version2 or RepositoryConfig.CurrentVersion:
                    var signed = Encoding.UTF8.GetBytes(root.GetProperty("config").GetRawText());
                    var mac = root.GetProperty("mac").GetBytesFromBase64();
                    var config = Deserialize(signed);
                    return config.Version == version ? new ConfigDocument(config, signed, mac) : throw Modified();
                default:
                    throw new RepositoryDamagedException(
                        $"Repository format version {version} is not supported (this stowage-mover reads versions {RepositoryConfig.Version1} to {RepositoryConfig.CurrentVersion}).");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Modified(e);
        }
    }

    /// <summary>Writes a MAC'd document for config, which must be of the current version.</summary>
    public static byte[] Write(RepositoryConfig config, byte[] configKey)
    {
        if (config.Version != RepositoryConfig.CurrentVersion) throw new ArgumentException("Only the current version is written.", nameof(config));
        var signed = JsonSerializer.SerializeToUtf8Bytes(config, EngineJsonContext.Default.RepositoryConfig);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", config.Version);
            writer.WritePropertyName("config");
            writer.WriteRawValue(signed, skipInputValidation: true);
            writer.WriteBase64String("mac", HMACSHA256.HashData(configKey, signed));
            writer.WriteEndObject();
        }
        return output.ToArray();
    }

    /// <summary>The config once its MAC checks out and its parameters are within bounds. A version-1 config has no
    /// MAC, and is refused when the key that opened the repository was made for version 2 (it was put back).</summary>
    public RepositoryConfig Verify(byte[] configKey, int? keyFormat)
    {
        if (_signed is null ? keyFormat >= RepositoryConfig.Version2
                : !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(configKey, _signed), _mac))
            throw Modified();
        Unverified.Validate();
        return Unverified;
    }

    private static RepositoryConfig Deserialize(byte[] json) =>
        JsonSerializer.Deserialize(json, EngineJsonContext.Default.RepositoryConfig) ?? throw Modified();

    private static RepositoryDamagedException Modified(Exception? inner = null) =>
        new("The repository config was modified or is corrupt (it does not match its authentication code, or is not a config).", inner);
}
