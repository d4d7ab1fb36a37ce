using Dapr.Client;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;

namespace Stowage.Mover.Applications;

/// <summary>
/// The mover's own copy of what discovery announced, one document per application, so a backup needs no call to
/// another service. Kept from discovery's events; the newest description wins.
/// </summary>
public sealed class ApplicationDirectory(DaprClient dapr)
{
    public Task SaveAsync(ApplicationDescription application, CancellationToken ct) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key(application.Id), application, cancellationToken: ct);

    public Task RemoveAsync(string id, CancellationToken ct) =>
        dapr.DeleteStateAsync(DaprComponents.StateStore, Key(id), cancellationToken: ct);

    public Task<ApplicationDescription?> GetAsync(string ns, string name, CancellationToken ct) =>
        dapr.GetStateAsync<ApplicationDescription?>(DaprComponents.StateStore, Key($"{ns}/{name}"), cancellationToken: ct);

    private static string Key(string id) => $"mover-application-{id}";
}
