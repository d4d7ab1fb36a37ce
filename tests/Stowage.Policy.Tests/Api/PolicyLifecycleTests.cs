using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

[Collection(PolicyServiceCollection.Name)]
public sealed class PolicyLifecycleTests(PolicyServiceFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private async Task<(PolicyState Policy, string ETag)> CreateAsync(string app)
    {
        using var response = await fixture.CreateAsync(PolicySpecs.Valid(app));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Read(response), response.Headers.ETag!.Tag);
    }

    private static async Task<PolicyState> Read(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;

    private HttpRequestMessage WithIfMatch(HttpMethod method, string uri, string etag, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    [Fact]
    public async Task A_policy_lives_through_create_change_pause_resume_and_delete()
    {
        var (created, etag) = await CreateAsync("lifecycle-db");
        Assert.Equal((1L, PolicyStatus.Active), (created.Version, created.Status));
        Assert.Equal("\"1\"", etag);

        var changedSpec = PolicySpecs.Valid("lifecycle-db") with { Retention = new RetentionRule(3, Daily: 7) };
        using var put = await Client.SendAsync(WithIfMatch(HttpMethod.Put, $"/policies/{created.Id}", etag, JsonContent.Create(changedSpec, options: Json.Options)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(changedSpec, (await Read(put)).Spec);

        using var pause = await Client.PostAsync($"/policies/{created.Id}/pause?reason=maintenance", null);
        Assert.Equal(PolicyStatus.Paused, (await Read(pause)).Status);
        using var resume = await Client.PostAsync($"/policies/{created.Id}/resume", null);
        var resumed = await Read(resume);
        Assert.Equal((PolicyStatus.Active, 4L), (resumed.Status, resumed.Version));

        using var delete = await Client.DeleteAsync($"/policies/{created.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await Client.GetAsync($"/policies/{created.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var history = await Client.GetFromJsonAsync<List<PolicyEvent>>($"/policies/{created.Id}/events", Json.Options);
        Assert.Equal([typeof(PolicyCreated), typeof(PolicyChanged), typeof(PolicyPaused), typeof(PolicyResumed), typeof(PolicyDeleted)], history!.Select(e => e.GetType()));
    }

    [Fact]
    public async Task Merge_patch_changes_only_the_named_fields()
    {
        var (created, etag) = await CreateAsync("patched-db");
        var patch = new StringContent("""{"retention":{"keepLast":2},"target":{"prefix":"nightly"}}""", Encoding.UTF8, "application/merge-patch+json");
        using var response = await Client.SendAsync(WithIfMatch(HttpMethod.Patch, $"/policies/{created.Id}", etag, patch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await Read(response);
        Assert.Equal(2, patched.Spec.Retention.KeepLast);
        Assert.Equal("nightly", patched.Spec.Target.Prefix);
        Assert.Equal(created.Spec.Target.Bucket, patched.Spec.Target.Bucket);
        Assert.Equal(created.Spec.Schedule, patched.Spec.Schedule);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_version_let_exactly_one_win()
    {
        var (created, etag) = await CreateAsync("contended-db");
        var attempts = Enumerable.Range(1, 6).Select(keep =>
        {
            var spec = PolicySpecs.Valid("contended-db") with { Retention = new RetentionRule(keep + 10) };
            return Client.SendAsync(WithIfMatch(HttpMethod.Put, $"/policies/{created.Id}", etag, JsonContent.Create(spec, options: Json.Options)));
        });
        var responses = await Task.WhenAll(attempts);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));

        var history = await Client.GetFromJsonAsync<List<PolicyEvent>>($"/policies/{created.Id}/events", Json.Options);
        Assert.Equal(2, history!.Count);
    }

    [Fact]
    public async Task A_change_without_if_match_is_refused_with_428_and_a_stale_one_with_412()
    {
        var (created, _) = await CreateAsync("guarded-db");
        using var noIfMatch = await Client.PutAsJsonAsync($"/policies/{created.Id}", PolicySpecs.Valid("guarded-db"), Json.Options);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);

        using var stale = await Client.SendAsync(WithIfMatch(HttpMethod.Put, $"/policies/{created.Id}", "\"7\"", JsonContent.Create(PolicySpecs.Valid("guarded-db") with { Retention = new RetentionRule(2) }, options: Json.Options)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_namespace_application_and_status_and_pages()
    {
        var ns = $"list-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 5; i++)
        {
            using var response = await fixture.CreateAsync(PolicySpecs.Valid($"app-{i}", ns));
            var policy = await Read(response);
            if (i % 2 == 0) (await Client.PostAsync($"/policies/{policy.Id}/pause", null)).Dispose();
        }

        using var page = await Client.GetAsync($"/policies?namespace={ns}&status=paused&pageSize=2&page=2");
        var body = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal(1, body.GetProperty("items").GetArrayLength());

        using var byApp = await Client.GetAsync($"/policies?namespace={ns}&application=app-1");
        Assert.Equal(1, JsonDocument.Parse(await byApp.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Projections_rebuilt_from_the_streams_equal_the_live_ones()
    {
        var (created, _) = await CreateAsync("projected-db");
        (await Client.PostAsync($"/policies/{created.Id}/pause", null)).Dispose();

        using var rebuild = await Client.PostAsync("/admin/projections/rebuild", null);
        var result = JsonDocument.Parse(await rebuild.Content.ReadAsStringAsync()).RootElement;
        Assert.True(result.GetProperty("streams").GetInt32() >= 1);
        Assert.Equal(0, result.GetProperty("differing").GetArrayLength());
    }

    [Fact]
    public async Task A_restart_of_the_service_loses_nothing()
    {
        var (created, _) = await CreateAsync("durable-db");
        (await Client.PostAsync($"/policies/{created.Id}/pause?reason=before-restart", null)).Dispose();

        await fixture.RestartServiceAsync();

        var after = await fixture.Client.GetFromJsonAsync<PolicyState>($"/policies/{created.Id}", Json.Options);
        Assert.Equal((PolicyStatus.Paused, "before-restart", 2L), (after!.Status, after.PausedReason, after.Version));
    }

    [Fact]
    public async Task Every_event_reaches_a_subscriber_once_with_its_documented_fields()
    {
        var (created, _) = await CreateAsync("evented-db");
        (await Client.PostAsync($"/policies/{created.Id}/pause?reason=window", null)).Dispose();

        await Eventually.TrueAsync(() => fixture.Recorder.On(PolicyTopics.Paused).Any(e => e.GetProperty("policyId").GetString() == created.Id), "policy.paused to be delivered");
        var createdEvent = Assert.Single(fixture.Recorder.On(PolicyTopics.Created), e => e.GetProperty("policyId").GetString() == created.Id);
        Assert.Equal(PolicyTopics.Created, createdEvent.GetProperty("type").GetString());
        Assert.Equal(1, createdEvent.GetProperty("version").GetInt64());
        Assert.Equal("evented-db", createdEvent.GetProperty("spec").GetProperty("application").GetProperty("name").GetString());
        Assert.Equal("minio", createdEvent.GetProperty("spec").GetProperty("target").GetProperty("provider").GetString());
        Assert.True(createdEvent.TryGetProperty("eventId", out _));
        var paused = Assert.Single(fixture.Recorder.On(PolicyTopics.Paused), e => e.GetProperty("policyId").GetString() == created.Id);
        Assert.Equal("window", paused.GetProperty("reason").GetString());
    }
}
