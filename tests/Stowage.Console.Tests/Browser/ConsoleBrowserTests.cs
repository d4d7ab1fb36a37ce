using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Stowage.Console.Tests.Browser;

/// <summary>The console in a real browser: a team sees only what its token allows; the platform sees everything.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleBrowserTests(ConsoleBrowserFixture fixture)
{
    [Fact]
    public async Task A_team_sees_only_its_namespace_and_is_refused_another_namespaces_application()
    {
        var page = await fixture.SignedInAsync(fixture.TeamAToken);
        await ConsolePages.WaitForRowAsync(page, $"{fixture.Installation.ApiUrl}/", "team-a/ledger");

        Assert.Equal(["team-a/ledger"], await ConsolePages.RowsAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = "Namespace team-b" }).CountAsync());

        var other = await page.GotoAsync($"{fixture.Installation.ApiUrl}/ui/applications/team-b/orders");
        Assert.Equal(403, other!.Status);

        // Rebuilding the read model is work on every namespace, which the platform's role grants (docs/operations.md).
        using var team = new HttpClient();
        team.DefaultRequestHeaders.Authorization = new("Bearer", fixture.TeamAToken);
        var rebuild = await team.PostAsync($"{fixture.Installation.ApiUrl}/admin/projections/rebuild", null);
        Assert.Equal(HttpStatusCode.Forbidden, rebuild.StatusCode);
        Assert.Contains("update backuppolicies.stowage.io in every namespace", await rebuild.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_platform_team_sees_every_namespace_and_every_form_field_has_a_label()
    {
        var page = await fixture.SignedInAsync(fixture.Installation.OperatorToken);
        var overview = $"{fixture.Installation.ApiUrl}/";
        await ConsolePages.WaitForRowAsync(page, overview, "team-a/ledger");
        await ConsolePages.WaitForRowAsync(page, overview, "team-b/orders");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Namespace team-b" })).ToBeVisibleAsync();
        await page.GotoAsync($"{overview}?namespace=team-b");
        Assert.Equal(["team-b/orders"], await ConsolePages.RowsAsync(page));

        await page.GotoAsync($"{fixture.Installation.ApiUrl}/ui/applications/team-b/orders");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')].filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name || e.id)");
        Assert.Empty(unlabelled);
        Assert.Matches(new Regex("orders"), await page.TitleAsync());
    }
}
