using System.Text.Json;
using Microsoft.Playwright;
using Stowage.Local;
using Stowage.Testing.Dapr;

namespace Stowage.Console.Tests.Browser;

/// <summary>
/// The whole single-machine install with its console reviewing every viewer's token against the stand-in cluster
/// (Console:Access=kubernetes, under the chart's RBAC as the install always runs), two teams' applications in two namespaces, and
/// Debian's Chromium driven by Playwright.
/// </summary>
public sealed class ConsoleBrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public LocalInstallation Installation { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A viewer who holds stowage-edit in "team-a" only.</summary>
    public string TeamAToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var target = new { provider = "local", bucket = "console-browser", credentials = new { configurationName = "browser" } };
        Installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, new Dictionary<string, string>
        {
            ["Console__Access"] = "kubernetes",
            ["Console__DefaultTarget"] = JsonSerializer.Serialize(target),
            ["Credentials__browser__RepositoryPassword"] = "console browser test password",
        });
        await SampleApplication.DeployAsync(Installation.Kubernetes, "team-a", "ledger");
        await SampleApplication.DeployAsync(Installation.Kubernetes, "team-b", "orders");
        TeamAToken = await RoleBindings.UserAsync(Installation.Kubernetes, "team-a-dev", "stowage-edit", "team-a");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    /// <summary>A new browser page, signed in to the console with <paramref name="token"/>.</summary>
    public async Task<IPage> SignedInAsync(string token)
    {
        var page = await (await Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync($"{Installation.ApiUrl}/sign-in");
        await page.GetByLabel("Bearer token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Installation is not null) await Installation.DisposeAsync();
    }
}
