namespace Stowage.Console.Access;

/// <summary>Who is looking: the user a bearer token belongs to (as Kubernetes' TokenReview names them) and the token itself, forwarded to the services.</summary>
public sealed record Viewer(string UserName, string? Uid, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra, string? Token);

/// <summary>An action on a stowage.io resource in a namespace, as a SubjectAccessReview asks it.</summary>
public sealed record ViewerAction(string Verb, string Resource, string Namespace)
{
    // Who may protect an application may see it: seeing is reading its backup policies, as the services decide too.
    public static ViewerAction See(string ns) => new("get", "backuppolicies", ns);

    public static ViewerAction ChangePolicy(string ns) => new("update", "backuppolicies", ns);

    public static ViewerAction CreatePolicy(string ns) => new("create", "backuppolicies", ns);

    public static ViewerAction BackUp(string ns) => new("create", "backups", ns);

    public static ViewerAction Restore(string ns) => new("create", "restores", ns);
}

/// <summary>
/// Who a token belongs to and what they may do: Kubernetes decides (TokenReview, then SubjectAccessReview on
/// stowage.io resources in the application's namespace), so teams are granted the console with ordinary Roles.
/// </summary>
public interface IViewerAccess
{
    /// <summary>The viewer a token names, or null when the token is missing, invalid or expired.</summary>
    Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct);

    Task<bool> MayAsync(Viewer viewer, ViewerAction action, CancellationToken ct);
}
