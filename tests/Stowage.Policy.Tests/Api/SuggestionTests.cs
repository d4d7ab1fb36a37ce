using System.Net;
using System.Net.Http.Json;
using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Policy.Suggestions;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

[Collection(PolicyServiceCollection.Name)]
public sealed class SuggestionTests(PolicyServiceFixture fixture) : IDisposable
{
    // Another app publishes discovery's events through its own sidecar, as the discovery service does.
    private readonly DaprClient discovery = new DaprClientBuilder()
        .UseGrpcEndpoint(fixture.RecorderSidecar.GrpcEndpoint)
        .UseHttpEndpoint(fixture.RecorderSidecar.HttpEndpoint)
        .UseDaprApiToken(fixture.RecorderSidecar.Tokens!.ApiToken)
        .UseJsonSerializationOptions(EventJson.Options)
        .Build();

    private Task PublishAsync<T>(string topic, T @event) => discovery.PublishEventAsync(DaprComponents.PubSub, topic, @event);

    [Fact]
    public async Task A_discovered_application_becomes_a_suggestion_that_one_call_turns_into_a_policy()
    {
        var app = ApplicationDescriptions.Postgres("suggested", "orders-pg");
        await PublishAsync(DiscoveryTopics.ApplicationDiscovered, new ApplicationDiscovered(Guid.NewGuid(), DateTimeOffset.UtcNow, app));

        var suggestion = await Eventually.ReturnsAsync(async () =>
            (await fixture.Client.GetFromJsonAsync<List<PolicySuggestion>>("/suggestions", Json.Options))!.FirstOrDefault(s => s.Id == app.Id), "the suggestion");
        Assert.Equal(("postgresql", "0 2 * * *", 14), (suggestion.Kind, suggestion.Schedule.Cron, suggestion.Retention.KeepLast));

        using var accept = await fixture.Client.PostAsJsonAsync($"/suggestions/suggested/orders-pg/accept", new AcceptSuggestionRequest(PolicySpecs.Valid().Target), Json.Options);
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var policy = (await accept.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;
        Assert.Equal(new ApplicationRef("suggested", "orders-pg"), policy.Spec.Application);
        var hook = Assert.Single(policy.Spec.Hooks!);
        Assert.Equal((HookPhase.Pre, "postgres"), (hook.Phase, hook.Container));

        using var again = await fixture.Client.PostAsJsonAsync($"/suggestions/suggested/orders-pg/accept", new AcceptSuggestionRequest(PolicySpecs.Valid().Target), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_application_that_disappears_leaves_its_policy_orphaned_and_it_is_adopted_when_it_returns()
    {
        var app = ApplicationDescriptions.Postgres("orphans", "billing-pg");
        using var created = await fixture.CreateAsync(PolicySpecs.Valid("billing-pg", "orphans"));
        var policy = (await created.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;

        await PublishAsync(DiscoveryTopics.ApplicationRemoved, new ApplicationRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, app));
        var orphaned = await Eventually.ReturnsAsync(async () =>
        {
            var p = await fixture.Client.GetFromJsonAsync<PolicyState>($"/policies/{policy.Id}", Json.Options);
            return p!.Orphaned ? p : null;
        }, "the policy to be orphaned");
        Assert.Equal(PolicyStatus.Active, orphaned.Status);

        var removedAgain = new ApplicationRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, app);
        await PublishAsync(DiscoveryTopics.ApplicationRemoved, removedAgain);
        await PublishAsync(DiscoveryTopics.ApplicationDiscovered, new ApplicationDiscovered(Guid.NewGuid(), DateTimeOffset.UtcNow, app));
        await Eventually.TrueAsync(async () => !(await fixture.Client.GetFromJsonAsync<PolicyState>($"/policies/{policy.Id}", Json.Options))!.Orphaned, "the policy to be adopted");

        var history = await fixture.Client.GetFromJsonAsync<List<PolicyEvent>>($"/policies/{policy.Id}/events", Json.Options);
        Assert.Equal([typeof(PolicyCreated), typeof(PolicyOrphaned), typeof(PolicyAdopted)], history!.Select(e => e.GetType()));
    }

    [Fact]
    public async Task An_event_delivered_again_is_handled_once()
    {
        var app = ApplicationDescriptions.Postgres("dedupe", "events-pg");
        using var created = await fixture.CreateAsync(PolicySpecs.Valid("events-pg", "dedupe"));
        var policy = (await created.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;
        var removed = new ApplicationRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, app);

        // Delivered straight to the service's event routes, as the sidecar does, so the order is certain.
        (await fixture.DeliverAsync("/events/application-removed", removed)).EnsureSuccessStatusCode();
        (await fixture.DeliverAsync("/events/application-discovered", new ApplicationDiscovered(Guid.NewGuid(), DateTimeOffset.UtcNow, app))).EnsureSuccessStatusCode();
        (await fixture.DeliverAsync("/events/application-removed", removed)).EnsureSuccessStatusCode();

        var after = await fixture.Client.GetFromJsonAsync<PolicyState>($"/policies/{policy.Id}", Json.Options);
        Assert.Equal((false, 3L), (after!.Orphaned, after.Version));
    }

    public void Dispose() => discovery.Dispose();
}
