using System.Collections.Concurrent;
using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>
/// Opened local repositories handed out one sample at a time and emptied (everything but config and keys) when
/// returned: thousands of generated cases then pay for the key derivation once per thread, not once each.
/// </summary>
internal sealed class ReusableRepositories(string root) : IDisposable
{
    private readonly ConcurrentBag<Lease> _free = [];
    private readonly ConcurrentBag<Lease> _all = [];

    public sealed record Lease(StowageRepository Repository, string Path);

    public async Task<Lease> TakeAsync()
    {
        if (_free.TryTake(out var lease)) return lease;
        var path = System.IO.Path.Combine(root, $"repo-{Guid.NewGuid():N}");
        lease = new Lease(await TestRepository.InitAsync(new LocalDirectoryBackend(path)), path);
        _all.Add(lease);
        return lease;
    }

    public void Return(Lease lease)
    {
        foreach (var folder in Directory.EnumerateDirectories(lease.Path).Where(f => System.IO.Path.GetFileName(f) != "keys"))
            Directory.Delete(folder, recursive: true);
        _free.Add(lease);
    }

    public void Dispose()
    {
        foreach (var lease in _all) lease.Repository.Dispose();
    }
}
