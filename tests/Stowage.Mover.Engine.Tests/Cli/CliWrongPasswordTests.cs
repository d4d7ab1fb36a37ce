using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliWrongPasswordTests
{
    [Fact]
    public async Task Backup_with_a_wrong_password_exits_3_and_leaves_the_repository_unchanged()
    {
        using var temp = new TempDirectory("cli-password");
        Directory.CreateDirectory(temp.Sub("source"));
        File.WriteAllText(Path.Combine(temp.Sub("source"), "file.txt"), "content");
        await new MoverCli(temp.Sub("repo")).SucceedAsync("init");
        var before = FilesAndSizes(temp.Sub("repo"));

        var backup = await new MoverCli(temp.Sub("repo"), "not the password").RunAsync("backup", temp.Sub("source"));

        Assert.Equal(3, backup.ExitCode);
        Assert.Contains("wrong password", backup.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, FilesAndSizes(temp.Sub("repo")));
    }

    private static List<string> FilesAndSizes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)} {new FileInfo(f).Length}").Order(StringComparer.Ordinal).ToList();
}
