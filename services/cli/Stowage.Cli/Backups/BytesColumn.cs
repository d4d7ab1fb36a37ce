using Stowage.Contracts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Stowage.Cli.Backups;

/// <summary>Bytes read so far, and of about how many when there is an estimate.</summary>
internal sealed class BytesColumn : ProgressColumn
{
    /// <summary>The task state entry holding the bytes read (the bar's value reaches its maximum when the run ends).</summary>
    public const string ReadKey = "read";

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var read = ByteSizes.Format(task.State.Get<long>(ReadKey));
        return new Text(task.IsIndeterminate || task.IsFinished ? read : $"{read} of ~{ByteSizes.Format((long)task.MaxValue)}");
    }
}
