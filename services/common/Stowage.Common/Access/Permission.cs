namespace Stowage.Common.Access;

/// <summary>
/// One thing a caller may or may not do, as a SubjectAccessReview asks it: a verb on a resource of an API group,
/// in a namespace (none: in every namespace). Stowage's own resources are in the group stowage.io.
/// </summary>
public sealed record Permission(string Verb, string Resource, string? Namespace, string Group = StowageResources.Group)
{
    public override string ToString()
    {
        var resource = Group.Length == 0 ? Resource : $"{Resource}.{Group}";
        return Namespace is null ? $"{Verb} {resource} in every namespace" : $"{Verb} {resource} in namespace \"{Namespace}\"";
    }
}

/// <summary>The resources of stowage.io that Roles grant, and the permissions the API checks.</summary>
public static class StowageResources
{
    public const string Group = "stowage.io";
    public const string BackupPolicies = "backuppolicies";
    public const string Backups = "backups";
    public const string Restores = "restores";

    /// <summary>Seeing an application (its discovery record, suggestion, protection) is reading its policies; null: in every namespace.</summary>
    public static Permission SeePolicies(string? ns) => new("get", BackupPolicies, ns);

    public static Permission CreatePolicy(string ns) => new("create", BackupPolicies, ns);

    public static Permission UpdatePolicy(string ns) => new("update", BackupPolicies, ns);

    public static Permission DeletePolicy(string ns) => new("delete", BackupPolicies, ns);

    public static Permission SeeBackups(string ns) => new("get", Backups, ns);

    public static Permission CreateBackup(string ns) => new("create", Backups, ns);

    public static Permission SeeRestores(string ns) => new("get", Restores, ns);

    public static Permission CreateRestore(string ns) => new("create", Restores, ns);

    /// <summary>A custom hook runs a command in the application's pods: the caller must be allowed to do that themselves.</summary>
    public static Permission ExecInPods(string ns) => new("create", "pods/exec", ns, Group: "");

    /// <summary>Work on every namespace at once (rebuilding a read model, discovery's own status).</summary>
    public static Permission Administer => new("update", BackupPolicies, null);
}
