using Microsoft.Playwright;

namespace Stowage.Console.Tests.Browser;

/// <summary>Waiting on what the console's pages show: discovery, runs and the read model are asynchronous, so tests wait on conditions.</summary>
internal static class ConsolePages
{
    /// <summary>Long enough for a backup or a restore through job pods on a busy two-core machine.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = (float)Wait.TotalMilliseconds };

    public static readonly LocatorAssertionsToHaveCountOptions Counted = new() { Timeout = (float)Wait.TotalMilliseconds };

    public static readonly LocatorAssertionsToHaveTextOptions Texted = new() { Timeout = (float)Wait.TotalMilliseconds };

    /// <summary>Reloads <paramref name="url"/> until <paramref name="locator"/> finds something, for pages that do not reload themselves.</summary>
    public static async Task ReloadUntilAsync(IPage page, string url, ILocator locator, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        await page.GotoAsync(url);
        while (await locator.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} never appeared on {url}: {await page.InnerTextAsync("body")}");
            await Task.Delay(500);
            await page.GotoAsync(url);
        }
    }

    public static Task WaitForRowAsync(IPage page, string url, string appId) =>
        ReloadUntilAsync(page, url, page.Locator($"tr[data-app='{appId}']"), appId);

    public static Task<string[]> RowsAsync(IPage page) =>
        page.Locator("tr[data-app]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.app)");

    /// <summary>Saves the whole page as screenshots/NAME.png in the test output folder, for a person to look at.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, path);
        return path;
    }
}
