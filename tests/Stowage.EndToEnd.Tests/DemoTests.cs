namespace Stowage.EndToEnd.Tests;

/// <summary>
/// The README's first command, `stowage-local demo`, in process: discovery, then policy, backup, list and restore
/// through the real stowage CLI as a child process, each command line printed before its output.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_drives_the_cli_and_restores_a_byte_identical_volume()
    {
        var output = new StringWriter();

        var succeeded = await new Demo(output).RunAsync(keep: false);

        var printed = output.ToString();
        Assert.True(succeeded, printed);
        Assert.Contains("$ stowage policy create orders-db -n shop --target local://demo-backups --credentials-config demo --every 1h --keep 7 --pre-hook 'postgres=echo checkpoint'\n", printed);
        Assert.Contains("$ stowage backup now orders-db -n shop --wait\n", printed);
        Assert.Contains("$ stowage backup list -n shop\n", printed);
        Assert.Contains("$ stowage restore create --from orders-db@latest -n shop --to-namespace shop-restored --wait\n", printed);
        // The CLI's own output follows each line: the waited-for backup's state, the list's header, the restore's report.
        Assert.Matches(@"\n\[[0-9:]+\]   State:\s+Succeeded\n", printed);
        Assert.Matches(@"\n\[[0-9:]+\]   RUN\s+APPLICATION\s+TRIGGER", printed);
        Assert.Matches(@"\n\[[0-9:]+\]   Volume\s+data-orders-db-0\s+restored", printed);
        Assert.Matches(@"restored volume at \S+ is byte-identical to the original\n$", printed);
    }

    [Fact]
    public async Task A_cli_command_that_fails_fails_the_demo_with_the_clis_line()
    {
        var printed = new List<string>();
        var cli = new StowageCli(ServiceBinaries.CliDll(), "http://127.0.0.1:9", "no-token", printed.Add);

        var failure = await Assert.ThrowsAsync<DemoFailedException>(() => cli.RunAsync("policy", "list", "--colour"));

        Assert.Equal("stowage policy list exited 2: error: Unrecognized command or argument '--colour'. (see 'stowage policy list --help')", failure.Message);
        Assert.Equal("$ stowage policy list --colour", printed[0]);
    }
}
