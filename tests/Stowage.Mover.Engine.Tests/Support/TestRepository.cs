using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

internal static class TestRepository
{
    public const string Password = "correct horse battery staple";

    /// <summary>Small packs so a large file spans several; the fewest KDF iterations allowed, to keep tests fast.</summary>
    public static readonly RepositoryInitOptions Options = new() { PackSize = 4 * 1024 * 1024, KdfIterations = KeyEnvelope.MinIterations };

    public static RepositorySecret Secret => RepositorySecret.FromPassword(Password);

    public static Task<StowageRepository> InitAsync(IRepositoryBackend backend, RepositoryInitOptions? options = null) =>
        StowageRepository.InitAsync(backend, RepositorySecret.FromPassword(Password), options ?? Options);

    public static Task<StowageRepository> OpenAsync(IRepositoryBackend backend) =>
        StowageRepository.OpenAsync(backend, RepositorySecret.FromPassword(Password));

    /// <summary>Opens with a clock the test moves, so lock refreshes and staleness happen when the test says.</summary>
    public static Task<StowageRepository> OpenAsync(IRepositoryBackend backend, TimeProvider clock) =>
        StowageRepository.OpenAsync(backend, RepositorySecret.FromPassword(Password), clock, CancellationToken.None);

    public static async Task<List<string>> KeysAsync(IRepositoryBackend backend, string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var item in backend.ListAsync(prefix, CancellationToken.None)) keys.Add(item.Key);
        return keys;
    }
}
