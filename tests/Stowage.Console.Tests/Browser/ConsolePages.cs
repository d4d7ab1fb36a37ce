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

    /// <summary>Reloads <paramref name="url"/> until <paramref name="locator"/> finds something.</summary>
    public static async Task ReloadUntilAsync(IPage page, string url, ILocator locator, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        await GoToAsync(page, url);
        while (await locator.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} never appeared on {url}: {await page.InnerTextAsync("body")}");
            await Task.Delay(500);
            await GoToAsync(page, url);
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/>. The application page reloads itself when a run starts or ends, and a reload that fires while
    /// the browser leaves the page aborts the navigation (net::ERR_ABORTED), as it would for a person clicking at that moment: try again.
    /// </summary>
    public static async Task GoToAsync(IPage page, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync(url);
                return;
            }
            catch (PlaywrightException e) when (e.Message.Contains("net::ERR_ABORTED") && attempt < 5)
            {
                await Task.Delay(200);
            }
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
