using Stowage.Common.Access;

namespace Stowage.Restore.Commands;

/// <summary>Configuration section "Commands": who restore commands run as.</summary>
public sealed class CommandsOptions
{
    public const string Section = "Commands";

    /// <summary>
    /// The ServiceAccount ("NAMESPACE/NAME") whose permissions a restore command has, checked by SubjectAccessReview like a
    /// REST caller's: the chart's stowage-commands, bound to nothing until the platform grants it namespaces. Empty:
    /// restore commands are refused.
    /// </summary>
    public string? ServiceAccount { get; set; }

    /// <summary>The identity restore commands run as, or null when none is configured.</summary>
    public Caller? Caller => ServiceAccount?.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name] ? Caller.OfServiceAccount(ns, name) : null;
}
