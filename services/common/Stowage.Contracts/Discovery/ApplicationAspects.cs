namespace Stowage.Contracts.Discovery;

/// <summary>Names of the parts of an <see cref="ApplicationDescription"/> that <see cref="ApplicationChanged.Changes"/> lists.</summary>
public static class ApplicationAspects
{
    /// <summary>The recognised kind changed.</summary>
    public const string Kind = "kind";

    /// <summary>Kubernetes resources joined or left the application.</summary>
    public const string Resources = "resources";

    /// <summary>Volumes, their sizes, classes or protection changed.</summary>
    public const string Volumes = "volumes";

    /// <summary>Pods, their nodes or containers changed.</summary>
    public const string Pods = "pods";

    /// <summary>Consistency hooks changed.</summary>
    public const string Hooks = "hooks";

    /// <summary>The pods chosen for the copy changed.</summary>
    public const string Members = "members";

    /// <summary>The suggested policy changed.</summary>
    public const string Policy = "policy";

    /// <summary>Protection readiness or problems changed.</summary>
    public const string Status = "status";

    /// <summary>Restore notes changed.</summary>
    public const string RestoreNotes = "restoreNotes";
}
