using Stowage.Mover.Engine.Storage;

namespace Stowage.Mover.Engine.Tests.Support;

/// <summary>Simulates a crash: after a number of successful writes, every write fails.</summary>
internal sealed class FaultyBackend(IRepositoryBackend inner, int writesBeforeCrash) : DelegatingBackend(inner)
{
    private const string CrashMessage = "Simulated crash: the backend went away.";
    private int _writes;

    public override Task WriteAsync(string key, ReadOnlyMemory<byte> data, bool mustNotExist, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException(CrashMessage) : base.WriteAsync(key, data, mustNotExist, cancellationToken);

    public override Task WriteAsync(string key, Stream content, bool mustNotExist, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException(CrashMessage) : base.WriteAsync(key, content, mustNotExist, cancellationToken);

    public override Task ReplaceAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        Crashed() ? throw new IOException(CrashMessage) : base.ReplaceAsync(key, data, cancellationToken);

    private bool Crashed() => Interlocked.Increment(ref _writes) > writesBeforeCrash;
}
