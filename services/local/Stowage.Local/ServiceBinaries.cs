namespace Stowage.Local;

public static class ServiceBinaries
{
    /// <summary>The checkout's root, found from the running assembly's folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found above the running program.");
    }

    /// <summary>The built service assembly, in the same configuration as the caller.</summary>
    public static string ServiceDll(string service)
    {
        var name = char.ToUpperInvariant(service[0]) + service[1..];
        return Built(Path.Combine("services", service, $"Stowage.{name}"), $"Stowage.{name}.dll");
    }

    /// <summary>The built stowage-mover executable's assembly, which volume jobs run.</summary>
    public static string MoverCliDll() => Built(Path.Combine("services", "mover", "Stowage.Mover.Cli"), "stowage-mover.dll");

    /// <summary>
    /// The built stowage CLI's assembly: beside the running program when they were published together, else the
    /// CLI's own build output in the same configuration (Stowage.Local builds it).
    /// </summary>
    public static string CliDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "stowage.dll");
        return File.Exists(beside) ? beside : Built(Path.Combine("services", "cli", "Stowage.Cli"), "stowage.dll");
    }

    private static string Built(string project, string assembly)
    {
        var path = Path.Combine(RepositoryRoot(), project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the services first: {path} is missing.");
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
