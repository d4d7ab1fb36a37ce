using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Stowage.Common.Tests.Messaging;

public sealed class EventValidationTests
{
    [Theory]
    [InlineData("""{"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","occurredAt":"2026-01-01T00:00:00Z"}""", "text")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000000","occurredAt":"2026-01-01T00:00:00Z","text":"t"}""", "eventId")]
    [InlineData("""{"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","text":"t"}""", "occurredAt")]
    public async Task An_event_missing_a_required_member_is_answered_400_naming_it_and_the_handler_never_runs(string body, string field)
    {
        await using var subscriber = await SubscriberHarness.StartAsync();

        using var answer = await subscriber.Client.PostAsync("/events/notes", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, subscriber.Handler.Runs);
    }

    [Fact]
    public async Task A_rejected_event_takes_no_claim_so_a_good_delivery_of_the_same_id_runs()
    {
        await using var subscriber = await SubscriberHarness.StartAsync();
        var note = EventSourcing.NoteAdded.Of("good");

        using var bad = await subscriber.Client.PostAsJsonAsync("/events/notes", new { note.EventId, note.OccurredAt });
        using var good = await subscriber.DeliverAsync(note);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal([note.EventId], subscriber.Handler.Succeeded);
    }
}
