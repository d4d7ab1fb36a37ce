using Stowage.Common.EventSourcing;
using Stowage.Testing.Dapr;

namespace Stowage.Common.Tests.EventSourcing;

public sealed class BackgroundPublishingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Events_that_could_not_be_published_are_retried_until_pub_sub_comes_back_and_are_then_published_once()
    {
        await using var harness = await EventStoreHarness.StartAsync(options => options with
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            SweepInterval = TimeSpan.FromHours(1),
        });
        using var meter = new MeterReadings(harness.Services);
        var stream = $"s-{Guid.NewGuid():N}";
        NoteAdded first = NoteAdded.Of("first"), second = NoteAdded.Of("second");

        harness.Publisher.GoDown();
        await harness.Store.AppendAsync(stream, 0, [first, second], [], None);
        await Eventually.TrueAsync(() => harness.Publisher.Refused >= 5, "the background publisher to try again several times");
        Assert.Equal(2, meter.Now("stowage.event_store.unpublished_events"));
        Assert.True(meter.Total("stowage.event_store.publish_failures") >= 5);
        harness.Publisher.ComeBack();

        // The local sidecar delivers before the publish call returns, so the publisher records an event after its delivery.
        await Eventually.TrueAsync(() => harness.Delivered().Count >= 2 && harness.Publisher.Published.Count >= 2, "both events to be published and delivered");
        Assert.Equal([first.EventId, second.EventId], harness.Publisher.Published);
        Assert.Equal(new[] { first.EventId, second.EventId }.Order(), harness.Delivered().Order());
        await Eventually.TrueAsync(() => meter.Now("stowage.event_store.unpublished_events") == 0, "the unpublished gauge to fall to 0");
    }

    [Fact]
    public async Task Events_a_crash_left_unpublished_are_published_when_the_service_starts_again()
    {
        await using var harness = await EventStoreHarness.StartAsync();
        var stream = $"s-{Guid.NewGuid():N}";
        var note = NoteAdded.Of("committed, never published");
        harness.Publisher.GoDown();
        await harness.Store.AppendAsync(stream, 0, [note], [], None);

        await harness.RestartAsync();

        await Eventually.TrueAsync(
            () => harness.Delivered().Contains(note.EventId) && harness.Publisher.Published.Count > 0, "the event to be published and delivered");
        Assert.Equal([note.EventId], harness.Publisher.Published);
    }

    [Fact]
    public void The_retry_delay_doubles_after_each_failed_round_up_to_its_cap()
    {
        var options = new EventStoreOptions("any", _ => "any")
        {
            InitialRetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(10),
        };

        var delays = new[] { 1, 2, 3, 4, 5, 1000 }.Select(options.RetryDelayAfter).Select(d => d.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }
}
