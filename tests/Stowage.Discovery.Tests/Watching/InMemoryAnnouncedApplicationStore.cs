using Stowage.Contracts.Discovery;
using Stowage.Discovery.Publishing;

namespace Stowage.Discovery.Tests.Watching;

/// <summary>Stands in for the Dapr state store; one instance shared by two hosts plays a restart.</summary>
internal sealed class InMemoryAnnouncedApplicationStore : IAnnouncedApplicationStore
{
    private volatile IReadOnlyDictionary<string, ApplicationDescription> saved = new Dictionary<string, ApplicationDescription>();

    public Task<IReadOnlyDictionary<string, ApplicationDescription>> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(saved);

    public Task SaveAsync(IReadOnlyDictionary<string, ApplicationDescription> announced, CancellationToken cancellationToken)
    {
        saved = new Dictionary<string, ApplicationDescription>(announced);
        return Task.CompletedTask;
    }
}
