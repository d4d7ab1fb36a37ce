using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Stowage.Console.Tests.Browser;

/// <summary>The console in a real browser: a team sees and does only what its token allows; the platform sees everything.</summary>
public sealed class ConsoleBrowserTests(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>
{
    private static readonly TimeSpan DiscoveryWait = TimeSpan.FromSeconds(60);

    /// <summary>Reloads the page until <paramref name="locator"/> finds something: discovery and the read model are asynchronous.</summary>
    private static async Task ReloadUntilAsync(IPage page, string url, ILocator locator, string what)
    {
        var deadline = DateTime.UtcNow + DiscoveryWait;
        while (await locator.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} never appeared on {url}: {await page.InnerTextAsync("body")}");
            await Task.Delay(500);
            await page.GotoAsync(url);
        }
    }

    private static Task WaitForRowAsync(IPage page, string url, string appId) =>
        ReloadUntilAsync(page, url, page.Locator($"tr[data-app='{appId}']"), appId);

    [Fact]
    public async Task A_team_sees_only_its_namespace_protects_its_application_in_one_click_and_is_refused_elsewhere()
    {
        var page = await fixture.SignedInAsync(fixture.TeamAToken);
        var overview = $"{fixture.Installation.ApiUrl}/";
        await WaitForRowAsync(page, overview, "team-a/ledger");

        Assert.Equal(["team-a/ledger"], await page.Locator("tr[data-app]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.app)"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "Namespace team-b" }).CountAsync());
        Assert.Equal("1 unprotected", await page.Locator("[data-count=unprotected]").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "ledger" }).ClickAsync();
        var application = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Protect with the suggested policy" }).ClickAsync();
        await ReloadUntilAsync(page, application, page.GetByRole(AriaRole.Button, new() { Name = "Pause" }), "the new policy");

        var other = await page.GotoAsync($"{fixture.Installation.ApiUrl}/ui/applications/team-b/orders");
        Assert.Equal(403, other!.Status);
    }

    [Fact]
    public async Task The_platform_team_sees_every_namespace_and_every_form_field_has_a_label()
    {
        var page = await fixture.SignedInAsync(fixture.Installation.OperatorToken);
        var overview = $"{fixture.Installation.ApiUrl}/";
        await WaitForRowAsync(page, overview, "team-a/ledger");
        await WaitForRowAsync(page, overview, "team-b/orders");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Namespace team-b" })).ToBeVisibleAsync();
        await page.GotoAsync($"{overview}?namespace=team-b");
        Assert.Equal(["team-b/orders"], await page.Locator("tr[data-app]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.app)"));

        await page.GotoAsync($"{fixture.Installation.ApiUrl}/ui/applications/team-b/orders");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')].filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name || e.id)");
        Assert.Empty(unlabelled);
        Assert.Matches(new Regex("orders"), await page.TitleAsync());
    }
}
