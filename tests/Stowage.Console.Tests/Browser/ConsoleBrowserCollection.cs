namespace Stowage.Console.Tests.Browser;

/// <summary>Every browser test shares one installation and one browser: starting them is most of a test's cost.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleBrowserCollection : ICollectionFixture<ConsoleBrowserFixture>
{
    public const string Name = "Console in a browser";
}
