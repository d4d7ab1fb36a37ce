using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Stowage.Local;

namespace Stowage.Console.Tests.Browser;

/// <summary>
/// An application backed up every 10 s whose runs start failing (its credentials reference names a configuration entry that
/// does not exist): once the last success is older than the interval allows it shows as missed, and the failed run's page says
/// why and what to do.
/// </summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class MissedScheduleTests(ConsoleBrowserFixture fixture)
{
    [Fact]
    public async Task An_application_whose_last_backup_is_older_than_its_interval_shows_as_missed_and_its_failed_run_says_why()
    {
        await SampleApplication.DeployAsync(fixture.Installation.Kubernetes, "ops", "archive");
        using var api = fixture.Installation.ApiClient();
        var target = new { provider = "local", bucket = "console-browser", prefix = "archive", credentials = new { configurationName = "browser" } };
        using var created = await api.PostAsJsonAsync("/policies", new
        {
            application = new { @namespace = "ops", name = "archive" }, target, schedule = new { interval = "10s" }, retention = new { keepLast = 3 },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var policyId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        var page = await fixture.SignedInAsync(fixture.Installation.OperatorToken);
        var application = $"{fixture.Installation.ApiUrl}/ui/applications/ops/archive";
        await ConsolePages.ReloadUntilAsync(page, application, page.Locator("#runs li[data-outcome=Succeeded]"), "a successful run");

        // From now on every run fails: the reference names no configuration entry.
        using var broken = new HttpRequestMessage(HttpMethod.Patch, $"/policies/{policyId}")
        {
            Content = new StringContent("""{"target":{"credentials":{"configurationName":"nowhere"}}}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        broken.Headers.IfMatch.Add(created.Headers.ETag!);
        using var patched = await api.SendAsync(broken);
        Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());

        var overview = $"{fixture.Installation.ApiUrl}/";
        await ConsolePages.ReloadUntilAsync(page, overview, page.Locator("tr[data-app='ops/archive'][data-status=Missed]"), "ops/archive as missed");
        Assert.Equal("Missed", await page.Locator("tr[data-app='ops/archive'] .badge").InnerTextAsync());
        Assert.NotEqual("0 missed", await page.Locator("[data-count=missed]").InnerTextAsync());
        await ConsolePages.ScreenshotAsync(page, "overview");

        await ConsolePages.GoToAsync(page, application);
        Assert.Equal("Missed", await page.Locator("#app-status").InnerTextAsync());
        // Runs start every 10 s and the page reloads itself on each, which could swallow a click: follow the link's address instead.
        var failedRun = await page.Locator("#runs li[data-outcome=Failed] a").First.GetAttributeAsync("href");
        await ConsolePages.GoToAsync(page, $"{fixture.Installation.ApiUrl}{failedRun}");
        await Assertions.Expect(page.Locator("#run-outcome")).ToHaveTextAsync("Failed");
        await Assertions.Expect(page.Locator("#run-reason")).ToContainTextAsync("nowhere");
        await Assertions.Expect(page.GetByText("What to do:")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section", new() { Has = page.Locator("#run-reason") })).ToContainTextAsync("credentials reference");
    }
}
