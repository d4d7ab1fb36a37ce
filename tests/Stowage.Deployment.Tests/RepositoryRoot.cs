namespace Stowage.Deployment.Tests;

/// <summary>The checkout these tests read the deployment files from.</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Stowage.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Stowage.slnx not found above the test folder.");
    }
}
