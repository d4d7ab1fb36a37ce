using Microsoft.Extensions.Options;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Runtime.Repositories;

/// <summary>Opens the repository a policy's target points at, creating it on the first backup.</summary>
public sealed class RepositoryOpener(ICredentialsResolver credentials, TargetAddressPolicy addresses, IOptions<MoverOptions> options)
{
    public async Task<StowageRepository> OpenAsync(BackupTarget target, string defaultNamespace, bool createIfMissing, CancellationToken cancellationToken)
    {
        var keys = await credentials.ResolveAsync(target.Credentials, defaultNamespace, cancellationToken);
        var backend = CreateBackend(target, keys);
        try
        {
            var secret = RepositorySecret.FromPassword(keys.RepositoryPassword);
            if (createIfMissing && !await ExistsAsync(backend, cancellationToken))
            {
                return await StowageRepository.InitAsync(backend, secret, cancellationToken: cancellationToken);
            }
            return await StowageRepository.OpenAsync(backend, secret, cancellationToken);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    private IRepositoryBackend CreateBackend(BackupTarget target, TargetCredentials keys)
    {
        if (target.Provider == TargetProviders.Local)
        {
            var root = Path.Combine(options.Value.LocalRepositoryRoot, target.Bucket, target.Prefix);
            Directory.CreateDirectory(root);
            return new LocalDirectoryBackend(root);
        }
        var s3Options = new S3BackendOptions
        {
            Bucket = target.Bucket, Prefix = target.Prefix, ServiceUrl = target.Endpoint, OutageTolerance = options.Value.TargetOutageTolerance,
        };
        return new S3Backend(S3ClientFactory.Create(target, keys, addresses), s3Options);
    }

    private static async Task<bool> ExistsAsync(IRepositoryBackend backend, CancellationToken cancellationToken)
    {
        await foreach (var item in backend.ListAsync("config", cancellationToken))
        {
            if (item.Key == "config") return true;
        }
        return false;
    }
}
