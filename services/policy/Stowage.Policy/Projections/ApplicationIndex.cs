using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Contracts;
using Stowage.Contracts.Policies;

namespace Stowage.Policy.Projections;

/// <summary>
/// Which live policy protects each application: one key per application, claimed by a policy's creation and released by
/// its deletion, in the same transaction as the events. The claim is create-only, so of two concurrent creates for one
/// application exactly one commits.
/// </summary>
public sealed class ApplicationIndex(DaprClient dapr)
{
    public Task<string?> OwnerAsync(ApplicationRef application, CancellationToken cancellationToken) =>
        dapr.GetStateAsync<string?>(DaprComponents.StateStore, Key(application), cancellationToken: cancellationToken);

    /// <summary>The index writes that go with <paramref name="events"/>.</summary>
    public static IEnumerable<StateWrite> WritesFor(IEnumerable<PolicyEvent> events) => events.SelectMany(e => e switch
    {
        PolicyCreated c => [StateWrite.CreateOnly(Key(c.Spec.Application), c.PolicyId)],
        PolicyDeleted d => [StateWrite.Delete(Key(d.Application))],
        _ => Array.Empty<StateWrite>(),
    });

    /// <summary>Sets the key from a replayed live policy (rebuilding the index of streams written before it existed).</summary>
    public Task ClaimAsync(ApplicationRef application, string policyId, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, Key(application), policyId, cancellationToken: cancellationToken);

    private static string Key(ApplicationRef application) => $"policy-application-{application.Namespace}/{application.Name}";
}
