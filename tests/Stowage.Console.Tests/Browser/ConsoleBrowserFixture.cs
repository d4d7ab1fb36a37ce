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

    /// <summary>Every psql command line the PostgreSQL hooks ran, one a line.</summary>
    public string PsqlCalls => Path.Combine(tools.FullName, "psql-calls");

    /// <summary>While this file exists, the stand-in psql does not return, so a run stays in its hooks phase for as long as a test needs to see it running.</summary>
    public string PsqlHold => Path.Combine(tools.FullName, "psql-hold");

    private readonly DirectoryInfo tools = Directory.CreateTempSubdirectory("stowage-browser-tools-");

    public async Task InitializeAsync()
    {
        var target = new { provider = "local", bucket = "console-browser", credentials = new { configurationName = "browser" } };
        Installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, new Dictionary<string, string>
        {
            ["Console__Access"] = "kubernetes",
            ["Console__DefaultTarget"] = JsonSerializer.Serialize(target),
            ["Credentials__browser__RepositoryPassword"] = "console browser test password",
            ["PATH"] = $"{StandInPsql()}:{Environment.GetEnvironmentVariable("PATH")}",
        });
        await SampleApplication.DeployAsync(Installation.Kubernetes, "team-a", "ledger");
        await SampleApplication.DeployAsync(Installation.Kubernetes, "team-b", "orders");
        TeamAToken = await RoleBindings.UserAsync(Installation.Kubernetes, "team-a-dev", "stowage-edit", "team-a");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    // The stand-in cluster's pods are processes on this machine, so the suggested PostgreSQL hook (sh -c "psql ... CHECKPOINT")
    // runs here: this psql stands in for the one in the database's container, notes each call and waits while PsqlHold exists
    // (at most 120 s, well inside the hook's 300 s timeout).
    private string StandInPsql()
    {
        var psql = Path.Combine(tools.FullName, "psql");
        File.WriteAllText(psql, $"#!/bin/sh\necho \"$*\" >> '{PsqlCalls}'\nfor i in $(seq 600); do [ -e '{PsqlHold}' ] || exit 0; sleep 0.2; done\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(psql, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return tools.FullName;
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
        tools.Delete(recursive: true);
    }
}
