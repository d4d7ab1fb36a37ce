using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.Scheduler.Commands;
using Stowage.Scheduler.Policies;

namespace Stowage.Scheduler.Tests.Commands;

/// <summary>A restore command says where it writes and what it restores, or its answer names the field; a valid one becomes the policy's restore.</summary>
public sealed class RestoreCommandTests
{
    private static readonly ApplicationRef Shop = new("shop", "orders-db");

    private static RestoreCommand Command(string? targetNamespace = "shop-restored", ApplicationRef? application = null, string? policyId = null,
        string? backupId = null, Dictionary<string, string>? storageClasses = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "deploy-7", targetNamespace, application ?? (policyId is null ? Shop : null), policyId, backupId, storageClasses);

    private static List<string> Problems(RestoreCommand command) =>
        new RestoreCommandValidator().Validate(command).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void A_command_naming_the_application_the_target_and_latest_is_valid()
    {
        Assert.Empty(Problems(Command(backupId: RestoreCommand.Latest)));
        Assert.Empty(Problems(Command(application: null, policyId: "p-1", backupId: "run-20261203-1")));
    }

    [Fact]
    public void A_command_without_its_target_namespace_is_refused_naming_targetNamespace()
    {
        Assert.Equal(["'targetNamespace' is required: it says where the restore writes."], Problems(Command(targetNamespace: null)));
        Assert.Contains("'targetNamespace' must be a DNS label", Assert.Single(Problems(Command(targetNamespace: "Shop_Restored"))));
    }

    [Fact]
    public void A_command_naming_neither_application_nor_policy_is_refused_naming_both()
    {
        var command = Command() with { Application = null };

        Assert.Equal(["'application' or 'policyId' must name what to restore."], Problems(command));
    }

    [Fact]
    public void A_backup_id_that_could_be_read_as_an_option_and_an_empty_storage_class_are_refused()
    {
        Assert.Equal(["'backupId' must be a backup run's id or \"latest\"."], Problems(Command(backupId: "--keep-setuid")));
        Assert.Equal(["'storageClassMap' entries map a non-empty storage class name to another."], Problems(Command(storageClasses: new() { ["standard"] = "" })));
        Assert.Contains(Problems(Command(application: new ApplicationRef("Shop", "db"))), p => p.StartsWith("'application.namespace' must be a DNS label"));
    }

    [Fact]
    public void A_valid_command_restores_from_its_policys_bucket_with_the_policys_credentials_and_one_restore_id_per_command()
    {
        var target = new BackupTarget(TargetProviders.Local, "bucket", new CredentialsRef(SecretName: "s3", SecretNamespace: "shared-keys"), Prefix: "shop");
        var policy = new ScheduledPolicy("p-1", ScheduledPolicyStatus.Paused, 2, new PolicySpec(Shop, target, new BackupSchedule(Interval: "1h"), new RetentionRule(KeepLast: 3)), 1);
        var command = Command(backupId: RestoreCommand.Latest, storageClasses: new() { ["standard"] = "fast" });

        var requested = RestoreCommands.Requested(command, policy, DateTimeOffset.UtcNow);
        var again = RestoreCommands.Requested(command, policy, DateTimeOffset.UtcNow);

        Assert.Equal(new RestoreRequest(target, RunId: null, Shop, "shop-restored", command.StorageClassMap, CredentialsNamespace: "shared-keys"), requested.Request);
        Assert.Equal("deploy-7", requested.CorrelationId);
        Assert.Equal((requested.RestoreId, requested.EventId), (again.RestoreId, again.EventId));
        Assert.Matches("^restore-[0-9a-f]{12}$", requested.RestoreId);
        Assert.NotEqual(requested.RestoreId, RestoreCommands.Requested(Command(), policy, DateTimeOffset.UtcNow).RestoreId);
        Assert.Equal("run-9", RestoreCommands.Requested(command with { BackupId = "run-9" }, policy, DateTimeOffset.UtcNow).Request.RunId);
        Assert.Equal("shop", RestoreCommands.Requested(command, policy with { Spec = policy.Spec! with { Target = target with { Credentials = new CredentialsRef(ConfigurationName: "e2e") } } },
            DateTimeOffset.UtcNow).Request.CredentialsNamespace);
    }
}
