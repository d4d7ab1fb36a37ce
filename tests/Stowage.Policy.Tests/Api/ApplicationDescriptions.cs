using Stowage.Contracts.Discovery;

namespace Stowage.Policy.Tests.Api;

/// <summary>A PostgreSQL application as discovery would describe it.</summary>
internal static class ApplicationDescriptions
{
    public static ApplicationDescription Postgres(string ns, string name) => new(
        $"{ns}/{name}", ns, name,
        new ApplicationKind("postgresql", "PostgreSQL", false, ["image postgres:16"]),
        "label:app.kubernetes.io/instance",
        [new ResourceReference("apps/v1", "StatefulSet", ns, name)],
        [new ApplicationVolume($"data-{name}-0", "data", $"{name}-0", "pv-1", "10Gi", "standard", "csi.example", null, true, "FileCopy")],
        [new ApplicationPod($"{name}-0", "node-1", ["postgres"], true)],
        new ConsistencyHooks([new HookCommand("postgres", ["psql", "-c", "CHECKPOINT"], 60, "Fail")], []),
        new MemberSelection("all", null, [$"{name}-0"]),
        new SuggestedPolicy("0 2 * * *", null, 14),
        "Restore into an empty data directory.",
        new ProtectionStatus(ProtectionReadiness.FileCopyOnly, []),
        "hash-1");
}
