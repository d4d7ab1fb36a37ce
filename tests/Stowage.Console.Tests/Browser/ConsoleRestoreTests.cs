using Microsoft.Playwright;
using Stowage.Local;

namespace Stowage.Console.Tests.Browser;

/// <summary>Restore from the console: the form starts a restore into a new namespace with another storage class, the page follows it to success.</summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleRestoreTests(ConsoleBrowserFixture fixture)
{
    [Fact]
    public async Task A_restore_into_a_new_namespace_shows_progress_and_succeeds_with_the_data_byte_identical()
    {
        var volume = await SampleApplication.DeployAsync(fixture.Installation.Kubernetes, "shop", "cart");
        var page = await fixture.SignedInAsync(fixture.Installation.OperatorToken);
        var application = $"{fixture.Installation.ApiUrl}/ui/applications/shop/cart";
        await ConsolePages.ReloadUntilAsync(page, application, page.GetByRole(AriaRole.Button, new() { Name = "Protect with the suggested policy" }), "shop/cart");
        await page.GetByRole(AriaRole.Button, new() { Name = "Protect with the suggested policy" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync(new() { Timeout = (float)ConsolePages.Wait.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#runs li[data-outcome=Succeeded]")).ToHaveCountAsync(1, ConsolePages.Counted);

        await page.GetByLabel("Target namespace").FillAsync("shop-restored");
        await page.GetByLabel("Storage-class mapping (from=to, one a line)").FillAsync("standard=fast");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Restore progress" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#restore-state")).ToHaveTextAsync("finished: Succeeded", ConsolePages.Texted);

        var restored = Path.Combine(fixture.Installation.VolumeRoot, "shop-restored", string.Format(SampleApplication.Claim, "cart"));
        Assert.Equal(TreeFingerprint.Of(volume), TreeFingerprint.Of(restored));
        var claim = fixture.Installation.Kubernetes.Get("v1", "PersistentVolumeClaim", "shop-restored", string.Format(SampleApplication.Claim, "cart"));
        Assert.Equal("fast", (string?)claim!["spec"]!["storageClassName"]);
        await ConsolePages.ReloadUntilAsync(page, application, page.Locator("dd", new() { HasText = "Succeeded" }), "the last restore");
    }
}
