using Stowage.Common.EventSourcing;

namespace Stowage.Common.Tests.EventSourcing;

public sealed class AppendTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_append_onto_a_head_written_backwards_overwrites_no_event_and_the_stream_goes_on_after_the_hidden_event()
    {
        await using var harness = await EventStoreHarness.StartAsync();
        var stream = $"s-{Guid.NewGuid():N}";
        NoteAdded first = NoteAdded.Of("first"), second = NoteAdded.Of("second");
        await harness.Store.AppendAsync(stream, 0, [first, second], [], None);
        await harness.Dapr.SaveStateAsync("statestore", HeadKey(stream), new { version = 1 }, cancellationToken: None);

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() => harness.Store.AppendAsync(stream, 1, [NoteAdded.Of("late")], [], None));

        Assert.Equal(2, conflict.ActualVersion);
        var third = NoteAdded.Of("decided again");
        await harness.Store.AppendAsync(stream, conflict.ActualVersion, [third], [], None);
        var stored = await harness.Store.ReadAsync(stream, None);
        Assert.Equal([first.EventId, second.EventId, third.EventId], stored.Events.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_create_only_key_another_stream_holds_refuses_the_append_naming_the_key()
    {
        await using var harness = await EventStoreHarness.StartAsync();
        var key = $"unique-{Guid.NewGuid():N}";
        await harness.Store.AppendAsync($"a-{Guid.NewGuid():N}", 0, [NoteAdded.Of("a")], [StateWrite.CreateOnly(key, new { owner = "a" })], None);
        var loser = $"b-{Guid.NewGuid():N}";

        var taken = await Assert.ThrowsAsync<StateKeyTakenException>(() =>
            harness.Store.AppendAsync(loser, 0, [NoteAdded.Of("b")], [StateWrite.CreateOnly(key, new { owner = "b" }), StateWrite.CreateOnly($"{key}-free", new { })], None));

        Assert.Equal([key], taken.Keys);
        Assert.Equal(0, (await harness.Store.ReadAsync(loser, None)).Version);
    }

    [Fact]
    public async Task A_stream_written_before_the_publish_cursor_publishes_only_what_its_head_had_not_published()
    {
        await using var harness = await EventStoreHarness.StartAsync();
        var stream = $"s-{Guid.NewGuid():N}";
        NoteAdded first = NoteAdded.Of("published before"), second = NoteAdded.Of("pending");
        await harness.Dapr.SaveStateAsync("statestore", $"{EventStoreHarness.Category}-event-{stream}-{1:D10}", first, cancellationToken: None);
        await harness.Dapr.SaveStateAsync("statestore", $"{EventStoreHarness.Category}-event-{stream}-{2:D10}", second, cancellationToken: None);
        await harness.Dapr.SaveStateAsync("statestore", HeadKey(stream), new { version = 2, publishedVersion = 1 }, cancellationToken: None);

        await harness.Store.PublishPendingAsync(stream, None);
        await harness.Store.PublishPendingAsync(stream, None);

        Assert.Equal([second.EventId], harness.Publisher.Published);
    }

    private static string HeadKey(string stream) => $"{EventStoreHarness.Category}-head-{stream}";
}
