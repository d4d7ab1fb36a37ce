using Stowage.Mover.Engine.Tests.Support;

namespace Stowage.Mover.Engine.Tests.Cli;

public sealed class CliDamagedPackTests
{
    [Fact]
    public async Task Flipped_byte_in_a_pack_makes_check_read_data_and_restore_exit_4()
    {
        using var temp = new TempDirectory("cli-damaged");
        var cli = await MoverCli.WithOneBackupAsync(temp, root => SampleTree.CreateVictim(root));
        var dataPack = PackDamage.FlipByteInLargestPack(temp.Sub("repo"));

        var check = await cli.RunAsync("check", "--read-data");
        var restore = await cli.RunAsync("restore", "latest", "--target", temp.Sub("restored"));

        Assert.Equal(4, check.ExitCode);
        Assert.Contains($"Pack {Path.GetFileName(dataPack)[..8]} is damaged", check.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, restore.ExitCode);
        Assert.Contains("'victim.bin'", restore.Stderr, StringComparison.Ordinal);
    }
}
