using Microsoft.Extensions.Options;
using Stowage.Mover.Engine.Scratch;
using Stowage.Mover.Runtime;

namespace Stowage.Mover.Runs;

/// <summary>At start-up, removes the temporary folders of copies whose process died (a kill leaves its packs behind).</summary>
internal sealed partial class ScratchSweeper(IOptions<MoverOptions> options, ILogger<ScratchSweeper> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in ScratchFolder.SweepStale(options.Value.ScratchRoot)) LogSwept(folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the temporary folder {Folder} that a stopped copy left behind")]
    private partial void LogSwept(string folder);
}
