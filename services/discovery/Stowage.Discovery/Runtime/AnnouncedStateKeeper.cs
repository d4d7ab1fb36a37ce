using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stowage.Discovery.Observability;
using Stowage.Discovery.Publishing;

namespace Stowage.Discovery.Runtime;

/// <summary>Loads the announced applications at start and saves them after each pass that announced something.</summary>
internal sealed class AnnouncedStateKeeper(
    ApplicationRegistry registry, IAnnouncedApplicationStore store, IOptions<DiscoveryOptions> options, TimeProvider time, ILogger<AnnouncedStateKeeper> logger)
{
    private bool unsaved;

    /// <summary>A sidecar may start a moment after the service, so a failed read is tried a few times before giving up.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var announced = await store.LoadAsync(cancellationToken);
                registry.Restore(announced);
                logger.AnnouncedStateRestored(announced.Count);
                return;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt == Attempts)
                {
                    logger.AnnouncedStateUnavailable(error);
                    return;
                }
                await Task.Delay(options.Value.RetryDelay * attempt, time, cancellationToken);
            }
        }
    }

    /// <summary>Saves when something was announced, or when an earlier save failed; false if it failed again.</summary>
    public async Task<bool> SaveAsync(bool announcedSomething, CancellationToken cancellationToken)
    {
        if (!announcedSomething && !unsaved)
        {
            return true;
        }
        try
        {
            await store.SaveAsync(registry.Snapshot(), cancellationToken);
            unsaved = false;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            logger.AnnouncedStateNotSaved(error);
            unsaved = true;
        }
        return !unsaved;
    }
}
