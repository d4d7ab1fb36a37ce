using Stowage.Testing.Dapr;

namespace Stowage.Common.Tests.EventSourcing;

/// <summary>Publishing and its bookkeeping racing appends: the interleaving that once overwrote an event (issue #15).</summary>
public sealed class PublishBookkeepingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_append_committed_while_the_publisher_is_held_before_its_bookkeeping_survives_and_each_event_is_published_once()
    {
        await using var harness = await EventStoreHarness.StartAsync();
        var stream = $"s-{Guid.NewGuid():N}";
        NoteAdded first = NoteAdded.Of("first"), second = NoteAdded.Of("second");

        var hold = harness.Publisher.HoldAfterNextPublish();
        var firstAppend = harness.Store.AppendAsync(stream, 0, [first], [], None);
        await hold.Reached;
        var secondAppend = harness.Store.AppendAsync(stream, 1, [second], [], None);
        await Eventually.TrueAsync(async () => (await harness.Store.ReadAsync(stream, None)).Version == 2, "the second append to commit");
        hold.Release();
        await Task.WhenAll(firstAppend, secondAppend);

        var third = NoteAdded.Of("third");
        await harness.Store.AppendAsync(stream, 2, [third], [], None);
        var stored = await harness.Store.ReadAsync(stream, None);
        Assert.Equal([first.EventId, second.EventId, third.EventId], stored.Events.Select(e => e.EventId));
        Assert.Equal([first.EventId, second.EventId, third.EventId], harness.Publisher.Published);
        await Eventually.TrueAsync(() => harness.Delivered().Count >= 3, "the three events to be delivered");
        // Deliveries run side by side, so only their multiset is fixed: each event once.
        Assert.Equal(new[] { first.EventId, second.EventId, third.EventId }.Order(), harness.Delivered().Order());
    }

    [Fact]
    public async Task An_append_whose_caller_gives_up_while_waiting_its_turn_to_publish_leaves_its_event_to_the_background_publisher()
    {
        await using var harness = await EventStoreHarness.StartAsync(options => options with { SweepInterval = TimeSpan.FromHours(1) });
        var stream = $"s-{Guid.NewGuid():N}";
        NoteAdded first = NoteAdded.Of("first"), second = NoteAdded.Of("second");
        var hold = harness.Publisher.HoldAfterNextPublish();
        var firstAppend = harness.Store.AppendAsync(stream, 0, [first], [], None);
        await hold.Reached;
        using var givingUp = new CancellationTokenSource();

        var secondAppend = harness.Store.AppendAsync(stream, 1, [second], [], givingUp.Token);
        await Eventually.TrueAsync(async () => (await harness.Store.ReadAsync(stream, None)).Version == 2, "the second append to commit");
        await givingUp.CancelAsync();
        await secondAppend;
        hold.Release();
        await firstAppend;

        await Eventually.TrueAsync(() => harness.Publisher.Published.Contains(second.EventId), "the second event to be published");
        Assert.Equal([first.EventId, second.EventId], harness.Publisher.Published);
    }
}
