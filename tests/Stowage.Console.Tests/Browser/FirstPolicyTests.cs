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
        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();

        // The page reloads itself when the run starts and when it ends: no refreshing by the viewer (or the test).
        var live = page.Locator("[data-live-run]");
        await Assertions.Expect(live.GetByRole(AriaRole.Progressbar, new() { Name = "Backup progress" })).ToBeVisibleAsync(ConsolePages.Visible);
        await Assertions.Expect(page.Locator(Finished)).ToHaveCountAsync(1, ConsolePages.Counted);
        await Assertions.Expect(page.Locator("#app-status")).ToHaveTextAsync("On time");
        await Assertions.Expect(live).ToHaveCountAsync(0);
        Assert.Contains("CHECKPOINT", await File.ReadAllTextAsync(fixture.PsqlCalls));

        await page.GotoAsync(overview);
        Assert.Equal("1 protected", await page.Locator("[data-count=protected]").InnerTextAsync());
        Assert.Equal("0 unprotected", await page.Locator("[data-count=unprotected]").InnerTextAsync());
        Assert.Equal("On time", await page.Locator("tr[data-app='team-a/ledger'] .badge").InnerTextAsync());
    }
}
