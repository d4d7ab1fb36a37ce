using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stowage.Local;
using static Stowage.Console.Tests.Browser.ConsoleFixture;

namespace Stowage.Console.Tests.Browser;

/// <summary>What a user does in the console, in Chromium, against the whole installation.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleBrowserTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_team_protects_an_unprotected_application_from_its_suggestion_and_watches_the_first_backup()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"{fixture.ConsoleUrl}/");
        var before = await WaitForRowAsync(page, TeamA, Unprotected, "Unprotected");
        var counts = await CountsAsync(page);

        await page.ClickAsync($"tr[data-app='{TeamA}/{Unprotected}'] a");
        await page.WaitForURLAsync($"**/applications/{TeamA}/{Unprotected}");
        Assert.Equal("Unprotected", await page.TextContentAsync("#app-status"));
        await page.ClickAsync("#protect");

        // The page follows the run by itself: it appears (queued or running, with progress), then succeeds.
        var seen = new List<string>();
        await page.WaitForSelectorAsync("[data-live-run] [data-live-text]");
        seen.Add((await page.TextContentAsync("[data-live-run] [data-live-text]"))!);
        while (await page.QuerySelectorAsync("#runs li[data-outcome='Succeeded']") is null)
        {
            if (await page.QuerySelectorAsync("[data-live-run] [data-live-text]") is { } live) seen.Add((await live.TextContentAsync())!.Trim());
            if (await page.QuerySelectorAsync("#runs li[data-outcome='Failed']") is not null) Assert.Fail($"the first backup failed: {await page.TextContentAsync("#runs")}");
            await page.WaitForTimeoutAsync(250);
        }
        Assert.Contains(seen, s => s.Length > 0);
        Assert.Matches(@"every \d+s, keep \d+", (await page.TextContentAsync("#policy-summary"))!);
        Assert.NotEqual("Unprotected", await page.TextContentAsync("#app-status"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "application.png"), FullPage = true });

        await page.GotoAsync($"{fixture.ConsoleUrl}/");
        await WaitForRowAsync(page, TeamA, Unprotected, "OnTime");
        var after = await CountsAsync(page);
        Assert.Equal((counts.Protected + 1, counts.Unprotected - 1), (after.Protected, after.Unprotected));
        Assert.Equal("Unprotected", before);
    }

    [Fact]
    public async Task An_application_whose_last_backup_is_older_than_its_interval_shows_as_missed()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"{fixture.ConsoleUrl}/");
        await WaitForRowAsync(page, TeamA, Stale, "Missed");
        Assert.Equal("Missed", (await page.TextContentAsync($"tr[data-app='{TeamA}/{Stale}'] .badge"))!.Trim());
        Assert.True((await CountsAsync(page)).Missed >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "overview.png"), FullPage = true });

        await page.ClickAsync($"tr[data-app='{TeamA}/{Stale}'] a");
        await page.WaitForURLAsync($"**/applications/{TeamA}/{Stale}");
        Assert.Equal("Missed", await page.TextContentAsync("#app-status"));
        Assert.Contains("paused", await page.TextContentAsync("#policy-summary"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "missed-application.png"), FullPage = true });
    }

    [Fact]
    public async Task A_restore_into_a_new_namespace_starts_shows_progress_and_succeeds_with_identical_data()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"{fixture.ConsoleUrl}/applications/{TeamA}/{Stale}");
        await page.WaitForSelectorAsync("#r-point option");
        await page.FillAsync("#r-namespace", "team-a-restored");
        await page.FillAsync("#r-classes", "standard=fast");
        await page.ClickAsync("#restore");

        await page.WaitForSelectorAsync("[data-live-restore]");
        var states = new List<string>();
        while (true)
        {
            var state = (await page.TextContentAsync("#restore-state"))!.Trim();
            if (states.LastOrDefault() != state) states.Add(state);
            if (state.StartsWith("finished", StringComparison.Ordinal)) break;
            await page.WaitForTimeoutAsync(250);
        }
        Assert.Equal("finished: Succeeded", states[^1]);
        Assert.True(states.Count >= 2, $"no progress was shown before the end: {string.Join(" | ", states)}");

        var restored = Path.Combine(fixture.Installation.VolumeRoot, "team-a-restored", string.Format(SampleApplication.Claim, Stale));
        Assert.Equal(TreeFingerprint.Of(fixture.StaleVolume), TreeFingerprint.Of(restored));
    }

    private static async Task<string> WaitForRowAsync(IPage page, string ns, string name, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var row = await page.QuerySelectorAsync($"tr[data-app='{ns}/{name}']");
            var current = row is null ? null : await row.GetAttributeAsync("data-status");
            if (current == status) return current;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{ns}/{name} is {current ?? "not listed"}, not {status}, after 180 s");
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
    }

    private static async Task<(int Protected, int Unprotected, int Missed)> CountsAsync(IPage page)
    {
        var text = (await page.TextContentAsync("#counts"))!;
        int Count(string what) => int.Parse(Regex.Match(text, $@"(\d+) {what}").Groups[1].Value);
        return (Count("protected"), Count("unprotected"), Count("missed"));
    }
}
