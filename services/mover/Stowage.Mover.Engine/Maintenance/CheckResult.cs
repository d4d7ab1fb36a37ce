namespace Stowage.Mover.Engine.Maintenance;

/// <summary>What check should verify.</summary>
/// <param name="ReadData">Also download every pack and verify every blob (slow; reads the whole repository).</param>
public sealed record CheckOptions(bool ReadData = false);

/// <summary>Findings of a check. Errors mean the repository is damaged; warnings are harmless leftovers.</summary>
public sealed record CheckResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, int Snapshots, int Packs, long Blobs)
{
    /// <summary>True when no error was found.</summary>
    public bool IsHealthy => Errors.Count == 0;
}
