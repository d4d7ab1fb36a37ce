using System.Text.Json;
using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Contracts;

namespace Stowage.Common.Messaging;

/// <summary>
/// First-writer-wins claims on integration events, one key per event id: a delivery handles an event only after its
/// create-only write of the claim won; a claim older than <see cref="ClaimLifetime"/> is taken as left by a crashed delivery
/// and may be taken over, guarded by its ETag.
/// </summary>
internal sealed class EventClaims(DaprClient dapr, TimeProvider clock)
{
    /// <summary>
    /// Short, because a delivery killed mid-handler leaves its claim behind, and its redeliveries (the local sidecar
    /// gives up after about 76 s of them) must outlive it; handlers take seconds, and are idempotent should one
    /// outlast its claim.
    /// </summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(20);
    private const int Attempts = 3;
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };
    private static readonly Dictionary<string, string> Expiry = new() { ["ttlInSeconds"] = "604800" };

    public static string KeyOf(Guid eventId) => $"processed-event-{eventId}";

    /// <summary>Claims the event for a new delivery; the claim is null when the event was handled or another live delivery holds it.</summary>
    public async Task<(ClaimAnswer Answer, HeldClaim? Claim)> TryClaimAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var key = KeyOf(eventId);
        var mine = new EventClaim(EventClaimState.Claimed, Guid.NewGuid().ToString("N"), clock.GetUtcNow());
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (stored, etag) = await dapr.GetStateAndETagAsync<JsonElement?>(DaprComponents.StateStore, key, cancellationToken: cancellationToken);
            var current = Read(stored);
            if (current is { State: EventClaimState.Handled }) return (ClaimAnswer.Handled, null);
            if (current is not null && clock.GetUtcNow() - current.At < ClaimLifetime) return (ClaimAnswer.HeldElsewhere, null);

            // No claim yet (create-only, empty ETag), or a stale one (replaced only if still the one read).
            if (await dapr.TrySaveStateAsync(DaprComponents.StateStore, key, mine, current is null ? "" : etag ?? "", FirstWrite, Expiry, cancellationToken))
            {
                var (_, myEtag) = await dapr.GetStateAndETagAsync<JsonElement?>(DaprComponents.StateStore, key, cancellationToken: cancellationToken);
                return (current is null ? ClaimAnswer.Claimed : ClaimAnswer.TakenOver, new HeldClaim(key, mine, myEtag ?? "", current?.Owner));
            }
        }
        return (ClaimAnswer.HeldElsewhere, null);
    }

    /// <summary>Records that the event was handled; kept a week (the state store's TTL), longer than pub/sub redelivers.</summary>
    public Task MarkHandledAsync(HeldClaim claim, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, claim.Key, claim.Claim with { State = EventClaimState.Handled, At = clock.GetUtcNow() },
            metadata: Expiry, cancellationToken: cancellationToken);

    /// <summary>Gives the event back to the next delivery; a claim another delivery took over meanwhile stays.</summary>
    public Task<bool> ReleaseAsync(HeldClaim claim, CancellationToken cancellationToken) =>
        dapr.TryDeleteStateAsync(DaprComponents.StateStore, claim.Key, claim.ETag, FirstWrite, cancellationToken: cancellationToken);

    // Before claims, the record was the event's type name as a JSON string, written once the handler had succeeded.
    private static EventClaim? Read(JsonElement? stored) => stored switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } => new EventClaim(EventClaimState.Handled, "", DateTimeOffset.MinValue),
        { } json => json.Deserialize<EventClaim>(EventJson.Options),
    };
}

internal enum ClaimAnswer
{
    Claimed,
    TakenOver,
    Handled,
    HeldElsewhere,
}

internal sealed record HeldClaim(string Key, EventClaim Claim, string ETag, string? PreviousOwner);
