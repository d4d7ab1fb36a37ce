namespace Stowage.Mover.Engine.Restore;

/// <summary>Where a restore writes, and how it applies metadata there.</summary>
internal sealed record RestoreOutput(RestoreTarget Target, MetadataApplier Metadata);
