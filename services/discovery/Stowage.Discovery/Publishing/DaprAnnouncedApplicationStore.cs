using Dapr.Client;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Publishing;

/// <summary>Keeps the announced applications as one document in the Stowage state store.</summary>
internal sealed class DaprAnnouncedApplicationStore(DaprClient dapr) : IAnnouncedApplicationStore
{
    private const string Key = "discovery-announced-applications";

    public async Task<IReadOnlyDictionary<string, ApplicationDescription>> LoadAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<Dictionary<string, ApplicationDescription>>(DaprComponents.StateStore, Key, cancellationToken: cancellationToken)
        ?? [];

    public Task SaveAsync(IReadOnlyDictionary<string, ApplicationDescription> announced, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key, announced, cancellationToken: cancellationToken);
}
