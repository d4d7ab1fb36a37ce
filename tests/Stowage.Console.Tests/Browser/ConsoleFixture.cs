using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Stowage.Common.EventSourcing;
using Stowage.Contracts.Policies;
using Stowage.Local;
using Stowage.Testing.Dapr;

namespace Stowage.Console.Tests.Browser;

/// <summary>
/// One installation for every browser test: the local sidecar, the five services, the console and the stand-in
/// cluster, with three applications deployed (two of team A, one of team B), and Debian's Chromium driven by Playwright.
/// "team-a/stale-db" is protected at start with a 15 s interval, backed up once and paused, so it is missed by the time a test looks.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string TeamA = "team-a";
    public const string TeamB = "team-b";
    public const string Unprotected = "orders-db";
    public const string Stale = "stale-db";
    public const string Ledger = "ledger-db";

    public static readonly BackupTarget Target = new(TargetProviders.Local, "console-backups", new CredentialsRef(ConfigurationName: "console"));

    private IPlaywright? playwright;

    public LocalInstallation Installation { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ConsoleUrl => Installation["console"].Url;

    public string StaleVolume { get; private set; } = "";

    /// <summary>Where the test run leaves its screenshots (in the test output folder).</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Credentials__console__RepositoryPassword"] = "console test repository password",
            ["Console__DefaultTarget"] = JsonSerializer.Serialize(Target, EventJson.Options),
        };
        Installation = await LocalInstallation.StartAsync(LocalInstallation.WithConsole, settings);
        await SampleApplication.DeployAsync(Installation.Kubernetes, Installation.VolumeRoot, TeamA, Unprotected);
        StaleVolume = await SampleApplication.DeployAsync(Installation.Kubernetes, Installation.VolumeRoot, TeamA, Stale);
        await SampleApplication.DeployAsync(Installation.Kubernetes, Installation.VolumeRoot, TeamB, Ledger);
        var launching = LaunchBrowserAsync();
        await ProtectThenPauseAsync(Stale);
        Browser = await launching;
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000);
        return page;
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    private async Task ProtectThenPauseAsync(string name)
    {
        using var policy = Installation.Client("policy");
        await Eventually.TrueAsync(async () =>
            (await policy.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray().Any(s => s.GetProperty("id").GetString() == $"{TeamA}/{name}"),
            $"discovery to announce {TeamA}/{name}", TimeSpan.FromSeconds(180));
        var spec = new PolicySpec(new ApplicationRef(TeamA, name), Target, new BackupSchedule("15s"), new RetentionRule(3));
        using var created = await policy.PostAsJsonAsync("/policies", spec, EventJson.Options);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var mover = Installation.Client("mover");
        await Eventually.TrueAsync(async () => (await mover.GetFromJsonAsync<JsonElement>($"/runs?policyId={id}")).EnumerateArray()
            .Any(r => r.GetProperty("state").GetString() == "Succeeded"), $"the first backup of {TeamA}/{name}", TimeSpan.FromSeconds(240));
        using var paused = await policy.PostAsync($"/policies/{id}/pause?reason=test", null);
        paused.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Installation is not null) await Installation.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
