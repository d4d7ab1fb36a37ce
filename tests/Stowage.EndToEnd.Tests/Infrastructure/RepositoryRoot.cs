namespace Stowage.EndToEnd.Tests.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>The checkout's root, found from the test assembly's folder.</summary>
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found above the test folder.");
    }

    /// <summary>The built service assembly, in the same configuration as the tests.</summary>
    public static string ServiceDll(string service)
    {
        var name = char.ToUpperInvariant(service[0]) + service[1..];
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(Find(), "services", service, $"Stowage.{name}", "bin", configuration, "net10.0", $"Stowage.{name}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the services first: {path} is missing.");
    }
}
