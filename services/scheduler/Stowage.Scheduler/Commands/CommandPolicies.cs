using Stowage.Contracts.Policies;
using Stowage.Scheduler.Policies;

namespace Stowage.Scheduler.Commands;

/// <summary>The policy a command names, by its id or by its application, as the scheduler's views of policies know it.</summary>
internal static class CommandPolicies
{
    /// <summary>The policy with a spec; by application, its live policy before a deleted one. Null when none is known.</summary>
    public static async Task<ScheduledPolicy?> FindAsync(this ScheduledPolicyStore policies, ApplicationRef? application, string? policyId, CancellationToken ct)
    {
        if (policyId is { } id) return await policies.GetAsync(id, ct) is { Spec: not null } known ? known : null;
        if (application is null) return null;
        var all = await policies.AllAsync(ct);
        var ofApplication = all.Where(p => p.Spec?.Application == application).ToList();
        return ofApplication.FirstOrDefault(p => p.Status != ScheduledPolicyStatus.Deleted) ?? ofApplication.FirstOrDefault();
    }

    /// <summary>Why <see cref="FindAsync"/> found nothing, in words the command's sender can act on.</summary>
    public static string Unknown(ApplicationRef? application, string? policyId) => policyId is { } id
        ? $"No policy '{id}' is known: check the id."
        : $"No policy protects application {application}: create one first.";
}
