using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stowage.Policy.Domain;

namespace Stowage.Policy.Tests.Api;

[Collection(PolicyServiceCollection.Name)]
public sealed class OneLivePolicyPerApplicationTests(PolicyServiceFixture fixture)
{
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public async Task Concurrent_creates_for_one_application_give_one_201_and_409s_naming_it(int concurrent)
    {
        var app = $"race-{concurrent}-db";
        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => fixture.CreateAsync(PolicySpecs.Valid(app))));
            var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            var winner = (await created.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!.Id;
            foreach (var refused in responses.Where(r => r != created))
            {
                Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains($"'{winner}'", problem.GetProperty("title").GetString());
            }
            using var list = await fixture.Client.GetAsync($"/policies?namespace=shop&application={app}");
            Assert.Equal(1, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());

            // Deleting the policy frees the application for the next round.
            (await fixture.Client.DeleteAsync($"/policies/{winner}")).EnsureSuccessStatusCode();
        }
    }
}
