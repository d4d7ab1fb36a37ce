using System.Net;
using System.Text.Json;
using Stowage.Common.Tests.EventSourcing;
using Stowage.Contracts;
using Stowage.Testing.Dapr;

namespace Stowage.Common.Tests.Messaging;

public sealed class DeduplicationTests
{
    [Fact]
    public async Task Two_concurrent_deliveries_of_one_event_run_the_handler_once_and_the_second_is_asked_to_retry()
    {
        await using var subscriber = await SubscriberHarness.StartAsync();
        var note = NoteAdded.Of("twice");
        var held = subscriber.Handler.HoldNextRun();

        var first = subscriber.DeliverAsync(note);
        await held;
        using var second = await subscriber.DeliverAsync(note);
        subscriber.Handler.Release();
        using var firstAnswer = await first;
        using var third = await subscriber.DeliverAsync(note);

        Assert.Equal("RETRY", await StatusOfAsync(second));
        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, subscriber.Handler.Runs);
    }

    [Fact]
    public async Task A_failed_handler_releases_its_claim_so_the_redelivery_from_pub_sub_runs_it()
    {
        await using var subscriber = await SubscriberHarness.StartAsync();
        var note = NoteAdded.Of("fails once");
        subscriber.Handler.FailNextRun();

        await subscriber.Dapr.PublishEventAsync(DaprComponents.PubSub, NoteAdded.Topic, note);

        await Eventually.TrueAsync(() => subscriber.Handler.Succeeded.Contains(note.EventId), "the redelivery to be handled");
        Assert.Equal(2, subscriber.Handler.Runs);
        using var again = await subscriber.DeliverAsync(note);
        Assert.Equal(2, subscriber.Handler.Runs);
    }

    [Fact]
    public async Task A_claim_older_than_its_lifetime_is_taken_over_and_a_fresh_one_is_not()
    {
        await using var subscriber = await SubscriberHarness.StartAsync();
        NoteAdded abandoned = NoteAdded.Of("claimed by a crashed delivery"), busy = NoteAdded.Of("claimed just now");
        await SaveClaimAsync(subscriber, abandoned, DateTimeOffset.UtcNow.AddMinutes(-6));
        await SaveClaimAsync(subscriber, busy, DateTimeOffset.UtcNow);

        using var takeover = await subscriber.DeliverAsync(abandoned);
        using var retry = await subscriber.DeliverAsync(busy);

        Assert.Equal(HttpStatusCode.OK, takeover.StatusCode);
        Assert.Equal([abandoned.EventId], subscriber.Handler.Succeeded);
        Assert.Equal("RETRY", await StatusOfAsync(retry));
    }

    [Fact]
    public async Task An_event_recorded_as_handled_before_claims_existed_is_not_handled_again()
    {
        await using var subscriber = await SubscriberHarness.StartAsync();
        var note = NoteAdded.Of("handled by the previous version");
        await subscriber.Dapr.SaveStateAsync(DaprComponents.StateStore, $"processed-event-{note.EventId}", nameof(NoteAdded));

        using var answer = await subscriber.DeliverAsync(note);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, subscriber.Handler.Runs);
    }

    private static Task SaveClaimAsync(SubscriberHarness subscriber, NoteAdded note, DateTimeOffset at) =>
        subscriber.Dapr.SaveStateAsync(DaprComponents.StateStore, $"processed-event-{note.EventId}", new { state = "claimed", owner = "another", at });

    private static async Task<string?> StatusOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
