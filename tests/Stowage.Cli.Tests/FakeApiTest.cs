namespace Stowage.Cli.Tests;

/// <summary>A test class with its own <see cref="FakeApi"/> and an empty home folder for each test.</summary>
public abstract class FakeApiTest : IAsyncLifetime
{
    protected FakeApi Api { get; private set; } = null!;

    protected string Home { get; } = Directory.CreateTempSubdirectory("stowage-cli-home-").FullName;

    public async Task InitializeAsync() => Api = await FakeApi.StartAsync();

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }
}
