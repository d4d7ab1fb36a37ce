using System.Text.Json.Nodes;
using Stowage.Common.Access;
using Stowage.Mover.Runtime.Resources;
using Stowage.Mover.Runtime.Runs;

namespace Stowage.Restore.Mapping;

/// <summary>
/// A restore does only what its caller could do themselves, decided once the backup is read and before anything is
/// written: read backups where the application came from, create restores where it goes, create each kind of
/// resource there (one SubjectAccessReview per kind), and run the post-restore hooks' commands in its pods. RBAC
/// objects are never restored: with them a backup could grant its author more than they have.
/// </summary>
public sealed class PlanAuthorization(IAccessReview review)
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>Why the caller may not restore this plan, or null when they may.</summary>
    public async Task<string?> RefusalAsync(Caller caller, RunManifest manifest, string targetNamespace, IEnumerable<JsonObject> resources, bool runsHooks, CancellationToken ct)
    {
        var kinds = resources.Select(r => ResourceKinds.ResourceOf((string)r["apiVersion"]!, (string)r["kind"]!)).Distinct().ToList();
        if (kinds.FirstOrDefault(k => k.Group == RbacGroup) is { Resource: not null } rbac)
            return $"The backup holds RBAC objects ({rbac.Resource}.{RbacGroup}); a restore never creates them. Nothing was restored.";

        var needed = new List<Permission> { StowageResources.SeeBackups(manifest.Application.Namespace), StowageResources.CreateRestore(targetNamespace) };
        needed.AddRange(kinds.Select(k => new Permission("create", k.Resource, targetNamespace, k.Group)));
        if (runsHooks) needed.Add(StowageResources.ExecInPods(targetNamespace));
        foreach (var permission in needed)
            if (!await review.IsAllowedAsync(caller, permission, ct)) return $"User \"{caller.UserName}\" may not {permission}; nothing was restored.";
        return null;
    }
}
