using Stowage.Common.EventSourcing;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Extensions;

/// <summary>The console's settings (section "Console").</summary>
public sealed class ConsoleOptions
{
    /// <summary>"kubernetes" (every token reviewed by the API server; the default) or "single-user" (the one-machine install).</summary>
    public string Access { get; set; } = "kubernetes";

    /// <summary>Where a policy made from a suggestion sends its backups unless the viewer picks another target: a target as JSON, as the policy API takes it.</summary>
    public string? DefaultTarget { get; set; }

    /// <summary>Applications per page of the overview.</summary>
    public int PageSize { get; set; } = 50;

    public BackupTarget? ParseDefaultTarget() => string.IsNullOrWhiteSpace(DefaultTarget) ? null : EventJson.Deserialize<BackupTarget>(DefaultTarget);
}
