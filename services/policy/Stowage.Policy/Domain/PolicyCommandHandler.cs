using Stowage.Common.EventSourcing;
using Stowage.Contracts.Policies;
using Stowage.Policy.Projections;

namespace Stowage.Policy.Domain;

/// <summary>
/// Loads a policy's stream, decides, and appends the events with the updated view in one transaction.
/// With an expected version (If-Match) a stale caller gets a conflict; without one, a lost race is retried
/// on fresh state, which is safe because decisions are idempotent. A create that lost the race for its application's
/// index key is decided again, and then refused naming the policy that won.
/// </summary>
public sealed class PolicyCommandHandler(IEventStore<PolicyEvent> store, ApplicationIndex applications, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<PolicyState> HandleAsync(string policyId, PolicyCommand command, long? expectedVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stream = await store.ReadAsync(policyId, cancellationToken);
            if (expectedVersion is { } expected && expected != stream.Version)
            {
                throw new StreamVersionConflictException(policyId, expected, stream.Version);
            }
            var state = PolicyState.Replay(stream.Events);
            if (command is CreatePolicy create) command = create with { LivePolicyOfApplication = await applications.OwnerAsync(create.Spec.Application, cancellationToken) };
            var events = PolicyDecider.Decide(command, state, new DecisionContext(clock.GetUtcNow(), Guid.NewGuid));
            if (events.Count == 0) return state ?? throw new PolicyNotFound();

            var after = events.Aggregate(state, PolicyState.Evolve)!;
            try
            {
                await store.AppendAsync(policyId, stream.Version, events, [PolicyViews.Write(after), .. ApplicationIndex.WritesFor(events)], cancellationToken);
                return after;
            }
            catch (StateKeyTakenException) when (attempt < MaxAttempts)
            {
            }
            catch (StreamVersionConflictException) when (expectedVersion is null && attempt < MaxAttempts)
            {
            }
        }
    }
}
