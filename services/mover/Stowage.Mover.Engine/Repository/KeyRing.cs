using System.Security.Cryptography;
using System.Text.Json;
using Stowage.Mover.Engine.Chunking;
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
            options.Chunker.Normalization, options.Blocks?.Threshold, options.Blocks?.Size);
        if (config.FindProblem() is { } problem) throw new ArgumentException($"Repository options: {problem}.", nameof(options));
        var master = MasterKey.CreateRandom();
        // Wrapping first refuses bad KDF options before anything is written.
        var envelope = KeyEnvelope.Wrap(master, secret, options.KdfIterations, "initial");
        try
        {
            await backend.WriteAsync(RepositoryLayout.Config, ConfigDocument.Write(config, master.ConfigKey), mustNotExist: true, cancellationToken);
        }
        catch (ObjectExistsException)
        {
            throw new RepositoryLocationException($"A repository already exists at {backend.Location}.");
        }
        await WriteEnvelopeAsync(backend, envelope, cancellationToken);
        return (config, master);
    }

    public static Task<string> AddAsync(IRepositoryBackend backend, RepositoryKeys keys, RepositorySecret secret, int iterations, string label, CancellationToken cancellationToken)
    {
        var format = keys.Config.Version >= RepositoryConfig.Version2 ? KeyEnvelope.CurrentFormat : (int?)null;
        return WriteEnvelopeAsync(backend, KeyEnvelope.Wrap(keys.Master, secret, iterations, label, format), cancellationToken);
    }

    public static async Task<ConfigDocument> ReadConfigAsync(IRepositoryBackend backend, CancellationToken cancellationToken)
    {
        try
        {
            return ConfigDocument.Parse(await backend.ReadBoundedAsync(RepositoryLayout.Config, RepositoryLimits.MaxSmallObjectBytes, cancellationToken));
        }
        catch (ObjectMissingException)
        {
            throw new RepositoryLocationException($"No repository at {backend.Location} (no config object).");
        }
    }

    /// <summary>Replaces an older config with the same parameters in the current version, plus the default large-file
    /// blocks; one atomic write, so a crash leaves either the old config or the new one, and a second run finds nothing to do.</summary>
    public static async Task<RepositoryConfig> UpgradeAsync(IRepositoryBackend backend, RepositoryConfig current, MasterKey master, CancellationToken cancellationToken)
    {
        if (current.Version == RepositoryConfig.CurrentVersion) return current;
        var blocks = current.Blocks ?? BlockParameters.Default;
        var upgraded = current with { Version = RepositoryConfig.CurrentVersion, BlockThreshold = blocks.Threshold, BlockSize = blocks.Size };
        await backend.ReplaceAsync(RepositoryLayout.Config, ConfigDocument.Write(upgraded, master.ConfigKey), cancellationToken);
        return upgraded;
    }

    /// <summary>Wraps the secret of a version-1 envelope again as a version-2 one, then removes the old one. Done
    /// after the config is version 2: a crash in between leaves both envelopes, each of which opens.</summary>
    public static async Task<(string Id, KeyEnvelope Envelope)> RewrapAsync(IRepositoryBackend backend, MasterKey master, RepositorySecret secret,
        string keyId, KeyEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Format is not null) return (keyId, envelope);
        var rewrapped = KeyEnvelope.Wrap(master, secret, envelope.RewrapIterations, envelope.Label);
        var id = await WriteEnvelopeAsync(backend, rewrapped, cancellationToken);
        await backend.DeleteAsync(RepositoryLayout.Key(keyId), cancellationToken);
        return (id, rewrapped);
    }

    /// <summary>Every key envelope, each checked for parameters in bounds before any is tried.</summary>
    public static async Task<List<(string Id, KeyEnvelope Envelope)>> ListAsync(IRepositoryBackend backend, CancellationToken cancellationToken)
    {
        var envelopes = new List<(string, KeyEnvelope)>();
        await foreach (var item in backend.ListAsync(RepositoryLayout.KeysPrefix, cancellationToken))
        {
            var where = $"Key envelope '{item.Key}'";
            var bytes = await backend.ReadBoundedAsync(item.Key, RepositoryLimits.MaxSmallObjectBytes, cancellationToken);
            KeyEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(bytes, EngineJsonContext.Default.KeyEnvelope);
            }
            catch (JsonException e)
            {
                throw new RepositoryDamagedException($"{where} is not a key envelope ({e.Message}).", e);
            }
            if (envelope is null) continue;
            envelope.Validate(where);
            envelopes.Add((RepositoryLayout.NameOf(item.Key), envelope));
        }
        return envelopes;
    }

    public static async Task<(MasterKey Master, string KeyId, KeyEnvelope Envelope)> UnlockAsync(IRepositoryBackend backend, RepositorySecret secret, CancellationToken cancellationToken)
    {
        foreach (var (id, envelope) in await ListAsync(backend, cancellationToken))
        {
            if (envelope.TryUnwrap(secret) is { } master) return (master, id, envelope);
        }
        throw new WrongPasswordException("Wrong password or key file: no key of this repository opens with it.");
    }

    private static async Task<string> WriteEnvelopeAsync(IRepositoryBackend backend, KeyEnvelope envelope, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await backend.WriteAsync(RepositoryLayout.Key(id), JsonSerializer.SerializeToUtf8Bytes(envelope, EngineJsonContext.Default.KeyEnvelope),
            mustNotExist: true, cancellationToken);
        return id;
    }
}
