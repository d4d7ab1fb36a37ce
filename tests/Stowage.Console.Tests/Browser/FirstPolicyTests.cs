using Microsoft.Playwright;

namespace Stowage.Console.Tests.Browser;

/// <summary>A team's first policy: from the suggestion, through the first run's progress to success, then more runs and their charts.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class FirstPolicyTests(ConsoleBrowserFixture fixture)
{
    private const string Finished = "#runs li[data-outcome=Succeeded]";

    [Fact]
    public async Task A_team_protects_its_application_from_the_suggestion_and_watches_the_first_backup_succeed()
    {
        var page = await fixture.SignedInAsync(fixture.TeamAToken);
        var overview = $"{fixture.Installation.ApiUrl}/";
        await ConsolePages.WaitForRowAsync(page, overview, "team-a/ledger");
        Assert.Equal("0 protected", await page.Locator("[data-count=protected]").InnerTextAsync());
        Assert.Equal("1 unprotected", await page.Locator("[data-count=unprotected]").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "ledger" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Protect with the suggested policy" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync(ConsolePages.Visible);
        Assert.Equal("First backup pending", await page.Locator("#app-status").InnerTextAsync());
        // The run is held in its CHECKPOINT hook until its progress has been seen: a small volume is copied faster than the page polls.
        await File.WriteAllTextAsync(fixture.PsqlHold, "");
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();

            // The page reloads itself when the run starts and when it ends: no refreshing by the viewer (or the test).
            await Assertions.Expect(page.Locator("[data-live-run]").GetByRole(AriaRole.Progressbar, new() { Name = "Backup progress" })).ToBeVisibleAsync(ConsolePages.Visible);
        }
        finally
        {
            File.Delete(fixture.PsqlHold);
        }
        var live = page.Locator("[data-live-run]");
        await Assertions.Expect(page.Locator(Finished)).ToHaveCountAsync(1, ConsolePages.Counted);
        await Assertions.Expect(page.Locator("#app-status")).ToHaveTextAsync("On time");
        await Assertions.Expect(live).ToHaveCountAsync(0);
        Assert.Contains("CHECKPOINT", await File.ReadAllTextAsync(fixture.PsqlCalls));

        await ConsolePages.GoToAsync(page, overview);
        Assert.Equal("1 protected", await page.Locator("[data-count=protected]").InnerTextAsync());
        Assert.Equal("0 unprotected", await page.Locator("[data-count=unprotected]").InnerTextAsync());
        Assert.Equal("On time", await page.Locator("tr[data-app='team-a/ledger'] .badge").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "ledger" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
        await Assertions.Expect(page.Locator(Finished)).ToHaveCountAsync(2, ConsolePages.Counted);
        await ChartsShowEveryRunAsync(page, 2);
        await ConsolePages.ScreenshotAsync(page, "application");

        await page.Locator($"{Finished} a").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#run-outcome")).ToHaveTextAsync("Succeeded");
        var volume = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "data-ledger-0" }) });
        await Assertions.Expect(volume.GetByRole(AriaRole.Cell, new() { Name = "copied", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run-hooks")).ToContainTextAsync("sh");
    }

    // Chart.js drew both charts (a canvas each, the library loaded) from one point per finished run.
    private static async Task ChartsShowEveryRunAsync(IPage page, int runs)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Chart === 'function'"), "Chart.js is not loaded");
        foreach (var chart in new[] { "size-chart", "duration-chart" })
        {
            await Assertions.Expect(page.Locator($"canvas#{chart}")).ToBeVisibleAsync();
            var points = await page.EvaluateAsync<int>($"() => window.Chart.getChart('{chart}').data.datasets[0].data.length");
            Assert.Equal(runs, points);
            var drawn = await page.EvaluateAsync<int>($"() => window.Chart.getChart('{chart}').getDatasetMeta(0).data.length");
            Assert.Equal(runs, drawn);
        }
    }
}
