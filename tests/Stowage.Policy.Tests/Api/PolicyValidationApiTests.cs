using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Stowage.Policy.Tests.Api;

[Collection(PolicyServiceCollection.Name)]
public sealed class PolicyValidationApiTests(PolicyServiceFixture fixture)
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_bad_spec_is_refused_with_every_bad_field_named_and_nothing_stored()
    {
        var before = await fixture.Client.GetStringAsync("/policies?pageSize=500");
        var spec = PolicySpecs.Valid("refused-db") with
        {
            Retention = new Contracts.Policies.RetentionRule(0),
            Schedule = new Contracts.Policies.BackupSchedule(Cron: "not a cron"),
            Target = PolicySpecs.Valid().Target with { Provider = "dropbox", Bucket = "", Region = "Bad Region" },
        };
        using var response = await fixture.CreateAsync(spec);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        foreach (var field in new[] { "retention.keepLast", "schedule.cron", "target.provider", "target.bucket", "target.region" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(before, await fixture.Client.GetStringAsync("/policies?pageSize=500"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_by_its_json_path()
    {
        var body = JsonSerializer.Serialize(PolicySpecs.Valid(), Json.Options).Replace("\"keepLast\":7", "\"keepLast\":\"seven\"");
        using var response = await fixture.Client.PostAsync("/policies", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True((await ProblemOf(response)).GetProperty("errors").TryGetProperty("retention.keepLast", out _));
    }

    [Fact]
    public async Task Bad_list_parameters_are_named()
    {
        using var response = await fixture.Client.GetAsync("/policies?status=sleeping&pageSize=0");
        var errors = (await ProblemOf(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task An_invalid_patch_is_refused_and_the_policy_keeps_its_spec()
    {
        using var created = await fixture.CreateAsync(PolicySpecs.Valid("patch-refused-db"));
        var policy = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = policy.GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/policies/{id}")
        {
            Content = new StringContent("""{"schedule":{"interval":"0m"}}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(created.Headers.ETag!);
        using var response = await fixture.Client.SendAsync(request);
        Assert.True((await ProblemOf(response)).GetProperty("errors").TryGetProperty("schedule.interval", out _));
        var after = await fixture.Client.GetFromJsonAsync<JsonElement>($"/policies/{id}");
        Assert.Equal("6h", after.GetProperty("spec").GetProperty("schedule").GetProperty("interval").GetString());
        Assert.Equal(1, after.GetProperty("version").GetInt64());
    }
}
