extern alias local;

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stowage.Common.Access;
using Stowage.Common.Targets;
using local::Stowage.Local;
using Stowage.LocalCluster;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Runtime.Jobs;
using Stowage.Testing.Dapr;

namespace Stowage.Mover.Tests.Runtime;

/// <summary>
/// Volume jobs on a two-node stand-in cluster whose kubelet runs the mover image as this checkout's stowage-mover:
/// placement beside a ReadWriteOnce claim, the result from the termination message, adoption, failure and clean-up.
/// </summary>
public sealed class VolumeJobRunnerTests : IAsyncLifetime
{
    private const string Password = "volume job test password";
    private readonly string repository = Directory.CreateTempSubdirectory("stowage-job-repo-").FullName;
    private readonly VolumeJobSettings settings = new() { Image = LocalImages.Mover + ":test", Entrypoint = LocalImages.MoverEntrypoint, Retries = 1, PollInterval = TimeSpan.FromMilliseconds(200) };
    private FakeKubernetesApiServer kubernetes = null!;
    private k8s.IKubernetes client = null!;

    public async Task InitializeAsync()
    {
        kubernetes = await FakeKubernetesApiServer.StartAsync(new FakeKubernetesApiServerOptions
        {
            RunWorkloads = true, Images = LocalImages.All(), JobBackoff = TimeSpan.Zero, Namespaces = ["default", "shop"], Authorization = true,
        });
        // The runner calls the cluster as the mover does: its ServiceAccount, under the chart's RBAC.
        await ShippedRbac.ApplyAsync(kubernetes);
        var mover = Caller.OfServiceAccount("stowage", "stowage-mover");
        client = new k8s.Kubernetes(kubernetes.CreateClientConfiguration(kubernetes.IssueToken(mover.UserName, mover.Groups)));
        using var created = await StowageRepository.InitAsync(new LocalDirectoryBackend(repository), RepositorySecret.FromPassword(Password));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await kubernetes.DisposeAsync();
        Directory.Delete(repository, recursive: true);
    }

    private VolumeJobRunner Runner(VolumeJobSettings? with = null) => new(client, Options.Create(with ?? settings), TimeProvider.System, NullLogger<VolumeJobRunner>.Instance);

    private static VolumeJob Backup(string claim, string? node) => new(VolumeJobKind.Backup, "shop", VolumeJobs.NameFor(VolumeJobKind.Backup, "run-1", claim), claim, node,
        ["backup", VolumeJobs.DataPath, "--tag", "stowage.run=run-1", "--result-file", VolumeJobs.ResultPath, "--progress-json"], new Dictionary<string, string> { ["stowage.io/run"] = "run-1" });

    private async Task<string> ClaimUsedOnAsync(string claim, string node)
    {
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = claim, ["namespace"] = "shop" },
            ["spec"] = new JsonObject { ["accessModes"] = new JsonArray("ReadWriteOnce"), ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "1Gi" } } },
        });
        await Eventually.TrueAsync(() => (string?)kubernetes.Get("v1", "PersistentVolumeClaim", "shop", claim)?["status"]?["phase"] == "Bound", "the claim to bind");
        await kubernetes.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = $"{claim}-user", ["namespace"] = "shop" },
            ["spec"] = new JsonObject
            {
                ["nodeName"] = node,
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "db", ["image"] = "postgres:16",
                    ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "data", ["mountPath"] = "/var/lib/postgresql/data" }),
                }),
                ["volumes"] = new JsonArray(new JsonObject { ["name"] = "data", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim } }),
            },
        });
        await Eventually.TrueAsync(() => (string?)kubernetes.Get("v1", "Pod", "shop", $"{claim}-user")?["status"]?["phase"] == "Running", "the application's pod to run");
        var folder = Path.Combine(kubernetes.VolumeRoot, "shop", claim);
        Directory.CreateDirectory(Path.Combine(folder, "base"));
        File.WriteAllText(Path.Combine(folder, "base", "1000"), "pages of a table");
        File.WriteAllBytes(Path.Combine(folder, "pg_wal"), Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray());
        return folder;
    }


    private static VolumeJob Into(VolumeJob job, string repository) => job with { Arguments = [.. job.Arguments, "--repo", repository] };

    private async Task AssertCleanedUpAsync(VolumeJob job) =>
        await Eventually.TrueAsync(() => kubernetes.Get("batch/v1", "Job", "shop", job.Name) is null
            && kubernetes.Get("v1", "Secret", "shop", job.Name) is null
            && !kubernetes.List("v1", "Pod", "shop").Any(p => (string?)p["metadata"]?["labels"]?["job-name"] == job.Name), "the job, its pods and its secret to be deleted");

    [Fact]
    public async Task A_backup_of_a_read_write_once_claim_runs_on_the_node_that_uses_it_and_returns_the_snapshot()
    {
        var folder = await ClaimUsedOnAsync("data-db-0", "node-2");
        var job = Into(Backup("data-db-0", "node-2"), repository);
        var progress = new List<string>();

        var result = await Runner().RunAsync(job, new TargetCredentials("", "", Password), line => { lock (progress) progress.Add(line); }, CancellationToken.None);

        var outcome = JsonSerializer.Deserialize<BackupOutcome>(result, JsonSerializerOptions.Web)!;
        var snapshot = outcome.Snapshot;
        Assert.Equal("run-1", snapshot.Tags["stowage.run"]);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(snapshot.Summary.Bytes, outcome.BytesRead);
        Assert.Equal(2, snapshot.Summary.Files);
        var scheduled = kubernetes.List("v1", "Event", "shop").Select(e => (string?)e["message"]).Where(m => m?.Contains(job.Name) == true && m.Contains("Successfully assigned")).ToList();
        Assert.Equal([$"Successfully assigned shop/{scheduled.Single()!.Split('/')[1].Split(' ')[0]} to node-2"], scheduled);
        using var opened = await StowageRepository.OpenAsync(new LocalDirectoryBackend(repository), RepositorySecret.FromPassword(Password));
        var restored = Directory.CreateTempSubdirectory("stowage-job-restored-").FullName;
        await opened.RestoreAsync(new Stowage.Mover.Engine.Restore.RestoreRequest { SnapshotId = snapshot.Id, TargetPath = restored }, null, CancellationToken.None);
        Assert.Equal(TreeFingerprint.Of(folder), TreeFingerprint.Of(restored));
        await AssertCleanedUpAsync(job);
    }

    [Fact]
    public async Task A_job_is_seen_to_end_when_it_ends_not_at_the_next_poll()
    {
        await ClaimUsedOnAsync("data-db-3", "node-1");
        var job = Into(Backup("data-db-3", "node-1"), repository);
        var rarely = new VolumeJobSettings { Image = settings.Image, Entrypoint = settings.Entrypoint, Retries = 1, PollInterval = TimeSpan.FromHours(1) };

        // With an hour between polls, only the watch on the Job (which the mover's role must grant) can end this.
        var result = await Runner(rarely).RunAsync(job, new TargetCredentials("", "", Password), null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal("run-1", JsonSerializer.Deserialize<BackupOutcome>(result, JsonSerializerOptions.Web)!.Snapshot.Tags["stowage.run"]);
        await AssertCleanedUpAsync(job);
    }

    [Fact]
    public async Task A_mover_that_stops_mid_copy_leaves_its_job_running_and_the_next_attempt_adopts_it()
    {
        await ClaimUsedOnAsync("data-db-1", "node-1");
        var job = Into(Backup("data-db-1", "node-1"), repository);
        var credentials = new TargetCredentials("", "", Password);
        using var stopped = new CancellationTokenSource();
        kubernetes.Changed += change =>
        {
            if (change is { Kind: "Pod", Phase: "Running" } && change.Name.StartsWith(job.Name)) stopped.Cancel();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(job, credentials, null, stopped.Token));
        Assert.NotNull(kubernetes.Get("batch/v1", "Job", "shop", job.Name));
        var result = await Runner().RunAsync(job, credentials, null, CancellationToken.None);

        Assert.Equal("run-1", JsonSerializer.Deserialize<BackupOutcome>(result, JsonSerializerOptions.Web)!.Snapshot.Tags["stowage.run"]);
        Assert.Single(kubernetes.Changes, c => c is { Kind: "Job", Type: "ADDED" } && c.Name == job.Name);
        Assert.Single(kubernetes.Changes, c => c is { Kind: "Pod", Type: "ADDED" } && c.Name.StartsWith(job.Name));
        await AssertCleanedUpAsync(job);
    }

    [Fact]
    public async Task A_pod_that_keeps_failing_fails_the_job_with_its_exit_code_and_error_and_leaves_nothing_behind()
    {
        await ClaimUsedOnAsync("data-db-2", "node-1");
        var job = Into(Backup("data-db-2", "node-1"), repository);

        var error = await Assert.ThrowsAsync<VolumeJobFailedException>(() =>
            Runner().RunAsync(job, new TargetCredentials("", "", "not the password"), null, CancellationToken.None));

        Assert.Contains("BackoffLimitExceeded", error.Message);
        Assert.Contains("exited with code", error.Message);
        Assert.Contains("password", error.Message);
        Assert.Equal(2, kubernetes.Changes.Where(c => c is { Kind: "Pod", Type: "ADDED" } && c.Name.StartsWith(job.Name)).Select(c => c.Name).Distinct().Count());
        await AssertCleanedUpAsync(job);
    }
}
