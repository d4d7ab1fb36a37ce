using System.Security.Cryptography;
using System.Text.Json;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Repository;

/// <summary>Creates a repository's config and master key, and finds the master key from a password or key file.</summary>
internal static class KeyRing
{
    public static async Task<(RepositoryConfig Config, MasterKey Master)> CreateAsync(
        IRepositoryBackend backend, RepositorySecret secret, RepositoryInitOptions options, CancellationToken cancellationToken)
    {
        options.Chunker.Validate();
        var config = new RepositoryConfig(RepositoryConfig.CurrentVersion, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            DateTimeOffset.UtcNow, options.Chunker.Min, options.Chunker.Average, options.Chunker.Max, "zstd", options.CompressionLevel, options.PackSize,
            options.Chunker.Normalization);
        var master = MasterKey.CreateRandom();
        try
        {
            await backend.WriteAsync(RepositoryLayout.Config, JsonSerializer.SerializeToUtf8Bytes(config, EngineJsonContext.Default.RepositoryConfig),
                mustNotExist: true, cancellationToken);
        }
        catch (ObjectExistsException)
        {
            throw new RepositoryLocationException($"A repository already exists at {backend.Location}.");
        }
        await AddAsync(backend, master, secret, options.KdfIterations, "initial", cancellationToken);
        return (config, master);
    }

    public static async Task<string> AddAsync(IRepositoryBackend backend, MasterKey master, RepositorySecret secret, int iterations, string label, CancellationToken cancellationToken)
    {
        var envelope = KeyEnvelope.Wrap(master, secret, iterations, label);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await backend.WriteAsync(RepositoryLayout.Key(id), JsonSerializer.SerializeToUtf8Bytes(envelope, EngineJsonContext.Default.KeyEnvelope),
            mustNotExist: true, cancellationToken);
        return id;
    }

    public static async Task<RepositoryConfig> ReadConfigAsync(IRepositoryBackend backend, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await backend.ReadAsync(RepositoryLayout.Config, cancellationToken);
        }
        catch (ObjectMissingException)
        {
            throw new RepositoryLocationException($"No repository at {backend.Location} (no config object).");
        }
        var config = JsonSerializer.Deserialize(bytes, EngineJsonContext.Default.RepositoryConfig)
            ?? throw new RepositoryDamagedException("The config object is empty.");
        return config.Version == RepositoryConfig.CurrentVersion ? config
            : throw new RepositoryDamagedException($"Repository format version {config.Version} is not supported.");
    }

    public static async Task<List<(string Id, KeyEnvelope Envelope)>> ListAsync(IRepositoryBackend backend, CancellationToken cancellationToken)
    {
        var envelopes = new List<(string, KeyEnvelope)>();
        await foreach (var item in backend.ListAsync(RepositoryLayout.KeysPrefix, cancellationToken))
        {
            var bytes = await backend.ReadAsync(item.Key, cancellationToken);
            var envelope = JsonSerializer.Deserialize(bytes, EngineJsonContext.Default.KeyEnvelope);
            if (envelope is not null) envelopes.Add((RepositoryLayout.NameOf(item.Key), envelope));
        }
        return envelopes;
    }

    public static async Task<(MasterKey Master, string KeyId)> UnlockAsync(IRepositoryBackend backend, RepositorySecret secret, CancellationToken cancellationToken)
    {
        foreach (var (id, envelope) in await ListAsync(backend, cancellationToken))
        {
            if (envelope.TryUnwrap(secret) is { } master) return (master, id);
        }
        throw new WrongPasswordException("Wrong password or key file: no key of this repository opens with it.");
    }
}
