using Stowage.Contracts.Policies;

namespace Stowage.Policy.Tests;

/// <summary>A valid spec to start from (its target is in-cluster MinIO on a private address); tests change one thing at a time.</summary>
internal static class PolicySpecs
{
    public static PolicySpec Valid(string app = "orders-db", string ns = "shop") => new(
        new ApplicationRef(ns, app),
        new BackupTarget(TargetProviders.Minio, "stowage-backups", new CredentialsRef(SecretName: "backup-s3"), Endpoint: "http://10.20.0.7:9000", Prefix: "prod"),
        new BackupSchedule(Interval: "6h"),
        new RetentionRule(KeepLast: 7),
        CopyMethod.Auto,
        [new HookSpec(HookPhase.Pre, "postgres", ["psql", "-c", "CHECKPOINT"])]);
}
