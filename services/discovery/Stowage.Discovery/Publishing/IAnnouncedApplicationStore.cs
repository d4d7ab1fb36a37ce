using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Publishing;

/// <summary>
/// Remembers what was last announced for each application, so that a restarted discovery service announces only
/// what changed while it was down instead of rediscovering everything.
/// </summary>
internal interface IAnnouncedApplicationStore
{
    Task<IReadOnlyDictionary<string, ApplicationDescription>> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(IReadOnlyDictionary<string, ApplicationDescription> announced, CancellationToken cancellationToken);
}
