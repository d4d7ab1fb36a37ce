using Dapr;
using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;
using Stowage.LocalCluster;

namespace Stowage.EndToEnd.Tests;

/// <summary>
/// Another system's app, with its own sidecar app id, asks for backups and restores through the command topics and hears
/// the answers on backup.finished and restore.finished by its correlation id (docs/api.md, "Event triggers").
/// components/pubsub.yaml names "backup-trigger" as the one publisher of commands; any other app id is refused by its
/// sidecar. Restore commands run as the chart's stowage-commands ServiceAccount, which may do only what it is bound to.
/// </summary>
public sealed class EventTriggerTests : IAsyncLifetime
{
    private const string Pipeline = "backup-trigger";
    private const string Intruder = "not-a-publisher";
    private const string CommandsAccount = "stowage-commands";
    private LocalInstallation installation = null!;
    private EventRecorder answers = null!;
    private string sourceVolume = null!;

    public async Task InitializeAsync()
    {
        installation = await LocalInstallation.StartAsync(LocalInstallation.AllServices,
            new Dictionary<string, string> { ["Credentials__e2e__RepositoryPassword"] = "event trigger password" }, extraApps: [Pipeline, Intruder]);
        answers = await EventRecorder.StartAsync(installation.Sidecar(Pipeline).AppPort, DaprComponents.PubSub, [BackupTopics.Finished, BackupTopics.Requested, RestoreTopics.Finished]);
        sourceVolume = await SampleApplication.DeployAsync(installation.Kubernetes, "shop", "orders-db");
    }

    public async Task DisposeAsync()
    {
        await installation.DisposeAsync();
        await answers.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_command_is_answered_by_backup_finished_with_its_correlation_id_once_and_an_unknown_application_is_refused()
    {
        var application = new ApplicationRef("shop", "orders-db");
        var policyId = await CreatePolicyAsync(new PolicySpec(application, new BackupTarget(TargetProviders.Local, "events-backups",
            new CredentialsRef(ConfigurationName: "e2e"), Prefix: "shop"), new BackupSchedule(Interval: "1h"), new RetentionRule(KeepLast: 3),
            Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["sh", "-c", "echo checkpoint"])]));
        using var pipeline = PublisherOf(Pipeline);

        var unknown = new BackupCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, "deploy-41", new ApplicationRef("shop", "nothing-here"));
        await pipeline.PublishEventAsync(DaprComponents.PubSub, BackupTopics.Command, unknown);
        var refused = await AnswerAsync("deploy-41");
        Assert.Equal(RunOutcome.Failed, refused.Outcome);
        Assert.Equal("", refused.RunId);
        Assert.Contains("shop/nothing-here", refused.Reason);
        Assert.Contains("deploy-41", refused.Reason);

        var finished = await BackUpByCommandAsync(pipeline, application, "deploy-42");
        Assert.True(finished.Outcome == RunOutcome.Succeeded, $"{finished.Outcome}: {finished.Reason}");
        Assert.Equal(policyId, finished.PolicyId);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var requested = answers.On(BackupTopics.Requested).Select(e => e.Deserialize<BackupRequested>(EventJson.Options)!)
            .Where(r => r.CorrelationId == finished.CorrelationId).DistinctBy(r => r.RunId).ToList();
        Assert.Equal(finished.RunId, Assert.Single(requested).RunId);
        Assert.Equal(BackupTrigger.Manual, requested[0].Trigger);
        Assert.Equal(finished.CorrelationId, requested[0].CorrelationId);

        using var mover = installation.Client("mover");
        var run = await mover.GetFromJsonAsync<JsonElement>($"/runs/{finished.RunId}");
        Assert.Equal(finished.CorrelationId, run.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task A_restore_command_restores_byte_for_byte_where_the_commands_account_may_and_is_refused_elsewhere_naming_the_permission()
    {
        var application = new ApplicationRef("shop", "orders-db");
        await CreatePolicyAsync(new PolicySpec(application, new BackupTarget(TargetProviders.Local, "events-restores",
            new CredentialsRef(ConfigurationName: "e2e"), Prefix: "shop"), new BackupSchedule(Interval: "1h"), new RetentionRule(KeepLast: 3),
            Hooks: [new HookSpec(HookPhase.Pre, "postgres", ["sh", "-c", "echo checkpoint"])]));
        using var pipeline = PublisherOf(Pipeline);
        var backup = await BackUpByCommandAsync(pipeline, application, "nightly");
        Assert.True(backup.Outcome == RunOutcome.Succeeded, $"{backup.Outcome}: {backup.Reason}");

        // The platform lets commands read shop's backups and restore into shop-restored, nowhere else.
        var kubernetes = installation.Kubernetes;
        await RoleBindings.GrantServiceAccountAsync(kubernetes, "stowage", CommandsAccount, "stowage-view", "shop");
        await RoleBindings.GrantServiceAccountAsync(kubernetes, "stowage", CommandsAccount, "edit", "shop-restored");

        var command = new RestoreCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, "restore-drill-1", "shop-restored", application, BackupId: RestoreCommand.Latest);
        await pipeline.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Command, command);
        await pipeline.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Command, command); // delivered twice: one restore
        var restored = await RestoreAnswerAsync("restore-drill-1");
        Assert.True(restored.Outcome == RunOutcome.Succeeded, $"{restored.Outcome}: {restored.Reason}");
        Assert.Equal(backup.RunId, restored.RunId);
        Assert.Equal(TreeFingerprint.Of(sourceVolume), TreeFingerprint.Of(Path.Combine(installation.VolumeRoot, "shop-restored", "data-orders-db-0")));
        Assert.NotNull(kubernetes.Get("apps/v1", "StatefulSet", "shop-restored", "orders-db"));
        using (var restore = installation.Client("restore"))
        {
            var status = await restore.GetFromJsonAsync<JsonElement>($"/restores/{restored.RestoreId}");
            Assert.Equal("restore-drill-1", status.GetProperty("correlationId").GetString());
        }

        // Into a namespace the account may not create in: refused before anything is written, naming the permission.
        await pipeline.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Command, command with { EventId = Guid.NewGuid(), CorrelationId = "restore-drill-2", TargetNamespace = "payments" });
        var refused = await RestoreAnswerAsync("restore-drill-2");
        Assert.Equal(RunOutcome.Failed, refused.Outcome);
        Assert.Equal($"User \"system:serviceaccount:stowage:{CommandsAccount}\" may not create restores.stowage.io in namespace \"payments\"; nothing was restored.", refused.Reason);
        Assert.Null(kubernetes.Get("v1", "Namespace", null, "payments"));
        Assert.Empty(kubernetes.List("v1", "PersistentVolumeClaim", "payments"));
        Assert.Empty(kubernetes.List("apps/v1", "StatefulSet", "payments"));

        // A command missing a field is answered at once, naming it.
        await pipeline.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Command, command with { EventId = Guid.NewGuid(), CorrelationId = "restore-drill-3", TargetNamespace = null });
        var invalid = await RestoreAnswerAsync("restore-drill-3");
        Assert.Equal((RunOutcome.Failed, ""), (invalid.Outcome, invalid.RestoreId));
        Assert.Contains("'targetNamespace' is required", invalid.Reason);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var first = answers.On(RestoreTopics.Finished).Select(e => e.Deserialize<RestoreFinished>(EventJson.Options)!).Where(f => f.CorrelationId == "restore-drill-1").ToList();
        Assert.Single(first.DistinctBy(f => f.EventId));
    }

    [Fact]
    public async Task An_app_id_outside_the_publishing_scopes_is_refused_by_its_sidecar_and_no_run_starts()
    {
        using var intruder = PublisherOf(Intruder);
        var command = new BackupCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, "forged-1", new ApplicationRef("shop", "orders-db"));
        var refused = await Assert.ThrowsAsync<DaprException>(() => intruder.PublishEventAsync(DaprComponents.PubSub, BackupTopics.Command, command));
        var status = Assert.IsType<Grpc.Core.RpcException>(refused.InnerException);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, status.StatusCode);
        Assert.Equal($"topic {BackupTopics.Command} is not allowed for app id {Intruder}", status.Status.Detail);
        var restore = new RestoreCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, "forged-2", "stowage", new ApplicationRef("shop", "orders-db"));
        var restoreRefused = await Assert.ThrowsAsync<DaprException>(() => intruder.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Command, restore));
        Assert.Equal($"topic {RestoreTopics.Command} is not allowed for app id {Intruder}", Assert.IsType<Grpc.Core.RpcException>(restoreRefused.InnerException).Status.Detail);

        // Over daprd's HTTP API the same refusal is 403 ERR_PUBSUB_FORBIDDEN.
        var sidecar = installation.Sidecar(Intruder);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{sidecar.HttpEndpoint}/v1.0/publish/{DaprComponents.PubSub}/{BackupTopics.Command}")
        {
            Content = JsonContent.Create(command, options: EventJson.Options),
        };
        if (sidecar.Tokens?.ApiToken is { } token) request.Headers.Add("dapr-api-token", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ERR_PUBSUB_FORBIDDEN", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());

        // The pipeline, which may publish, gets its answer; the forged command got none.
        using var pipeline = PublisherOf(Pipeline);
        await pipeline.PublishEventAsync(DaprComponents.PubSub, BackupTopics.Command, new BackupCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, "allowed-1", new ApplicationRef("shop", "none")));
        await AnswerAsync("allowed-1");
        Assert.DoesNotContain(answers.On(BackupTopics.Finished), e => e.ToString().Contains("forged-1"));
        Assert.Empty(answers.On(BackupTopics.Requested));
        Assert.DoesNotContain(answers.On(RestoreTopics.Finished), e => e.ToString().Contains("forged-2"));

        // A publisher may publish only its commands: not the scheduler's restore.requested, which names its own bucket.
        var forgedRequest = new RestoreRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "restore-forged", "forged-3",
            new RestoreRequest(new BackupTarget(TargetProviders.Local, "elsewhere", new CredentialsRef(ConfigurationName: "e2e")), TargetNamespace: "stowage"));
        var internalRefused = await Assert.ThrowsAsync<DaprException>(() => pipeline.PublishEventAsync(DaprComponents.PubSub, RestoreTopics.Requested, forgedRequest));
        Assert.Equal($"topic {RestoreTopics.Requested} is not allowed for app id {Pipeline}", Assert.IsType<Grpc.Core.RpcException>(internalRefused.InnerException).Status.Detail);
    }

    /// <summary>The schedule of a new policy starts shortly after the policy; a command sent before it is refused, and sent again.</summary>
    private async Task<BackupFinished> BackUpByCommandAsync(DaprClient pipeline, ApplicationRef application, string correlationPrefix)
    {
        BackupFinished? finished = null;
        await Eventually.TrueAsync(async () =>
        {
            var correlation = $"{correlationPrefix}-{Guid.NewGuid():N}";
            var command = new BackupCommand(Guid.NewGuid(), DateTimeOffset.UtcNow, correlation, application);
            await pipeline.PublishEventAsync(DaprComponents.PubSub, BackupTopics.Command, command);
            await pipeline.PublishEventAsync(DaprComponents.PubSub, BackupTopics.Command, command); // delivered twice: one run
            finished = await AnswerAsync(correlation);
            return !finished.IsRefusal;
        }, "a backup command to start a run", TimeSpan.FromSeconds(120));
        return finished!;
    }

    private async Task<RestoreFinished> RestoreAnswerAsync(string correlationId)
    {
        RestoreFinished? answer = null;
        await Eventually.TrueAsync(() => (answer = answers.On(RestoreTopics.Finished).Select(e => e.Deserialize<RestoreFinished>(EventJson.Options)!)
            .FirstOrDefault(f => f.CorrelationId == correlationId)) is not null, $"restore.finished with correlation id {correlationId}", TimeSpan.FromSeconds(120));
        return answer!;
    }

    private async Task<BackupFinished> AnswerAsync(string correlationId)
    {
        BackupFinished? answer = null;
        await Eventually.TrueAsync(() => (answer = answers.On(BackupTopics.Finished).Select(e => e.Deserialize<BackupFinished>(EventJson.Options)!)
            .FirstOrDefault(f => f.CorrelationId == correlationId)) is not null, $"backup.finished with correlation id {correlationId}", TimeSpan.FromSeconds(120));
        return answer!;
    }

    private DaprClient PublisherOf(string appId)
    {
        var sidecar = installation.Sidecar(appId);
        var builder = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).UseJsonSerializationOptions(EventJson.Options);
        if (sidecar.Tokens?.ApiToken is { } token) builder.UseDaprApiToken(token);
        return builder.Build();
    }

    private async Task<string> CreatePolicyAsync(PolicySpec spec)
    {
        using var policy = installation.Client("policy");
        await Eventually.TrueAsync(async () => (await policy.GetFromJsonAsync<JsonElement>("/suggestions")).EnumerateArray().Any(s => s.GetProperty("id").GetString() == "shop/orders-db"),
            "discovery to announce shop/orders-db", TimeSpan.FromSeconds(90));
        using var response = await policy.PostAsJsonAsync("/policies", spec, EventJson.Options);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
