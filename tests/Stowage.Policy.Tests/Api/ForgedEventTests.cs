using System.Net;
using System.Net.Http.Json;
using System.Text;
using Stowage.Contracts.Discovery;
using Stowage.Policy.Suggestions;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

/// <summary>The service's event routes act only on what its sidecar delivers (APP_API_TOKEN), and only on well-formed events.</summary>
[Collection(PolicyServiceCollection.Name)]
public sealed class ForgedEventTests(PolicyServiceFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("a-guess")]
    public async Task A_discovery_event_without_the_app_token_is_refused_and_changes_nothing(string? token)
    {
        var app = ApplicationDescriptions.Postgres("forged", $"pg-{token ?? "none"}");
        var forged = new ApplicationDiscovered(Guid.NewGuid(), DateTimeOffset.UtcNow, app);

        using var refused = await fixture.DeliverAsync("/events/application-discovered", JsonContent.Create(forged, options: Json.Options), token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(fixture.PolicySidecar.Tokens!.AppToken!, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await SuggestionsAsync(), s => s.Id == app.Id);

        // The same event from the sidecar is acted on, so the refusal above is the token's doing.
        (await fixture.DeliverAsync("/events/application-discovered", forged)).EnsureSuccessStatusCode();
        Assert.Contains(await SuggestionsAsync(), s => s.Id == app.Id);
    }

    [Theory]
    [InlineData("""{"eventId":"not-a-guid"}""")]
    [InlineData("""{"eventId":"0f8fad5b-d9cb-469f-a165-70867728950e","occurredAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"eventId":"00000000-0000-0000-0000-000000000000","occurredAt":"2026-01-01T00:00:00Z","application":{"id":"x/y","namespace":"x","name":"y"}}""")]
    [InlineData("null")]
    public async Task A_malformed_event_from_the_sidecar_is_answered_400_and_changes_nothing(string body)
    {
        var before = await SuggestionsAsync();

        using var answer = await fixture.DeliverAsync(
            "/events/application-discovered", new StringContent(body, Encoding.UTF8, "application/json"), fixture.PolicySidecar.Tokens!.AppToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.Select(s => s.Id).Order(), (await SuggestionsAsync()).Select(s => s.Id).Order());
    }

    private async Task<List<PolicySuggestion>> SuggestionsAsync() =>
        (await fixture.Client.GetFromJsonAsync<List<PolicySuggestion>>("/suggestions", Json.Options))!;
}
