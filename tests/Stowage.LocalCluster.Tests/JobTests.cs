using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Stowage.LocalCluster.Tests;

public sealed class JobTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_job_pod_runs_as_a_process_with_its_claim_mounted_and_reports_its_termination_message_and_log()
    {
        var folder = await cluster.ClaimAsync("jobs-ok", "data");
        File.WriteAllText(Path.Combine(folder, "in"), "payload");
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("jobs-ok", "copy",
            "echo starting; cp $DATA/in $DATA/out; echo '{\"copied\":true}' > $MESSAGE", claim: "data"));

        var job = await cluster.FinishedJobAsync("jobs-ok", "copy");
        Assert.Contains(job["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Complete" && (string?)c["status"] == "True");
        Assert.Equal(1, (int?)job["status"]!["succeeded"]);
        Assert.Equal("payload", File.ReadAllText(Path.Combine(folder, "out")));
        var pod = Assert.Single(cluster.PodsOf("jobs-ok", "copy"));
        Assert.Equal("Succeeded", (string?)pod["status"]!["phase"]);
        var terminated = pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!;
        Assert.Equal(0, (int?)terminated["exitCode"]);
        Assert.Equal("{\"copied\":true}\n", (string?)terminated["message"]);

        await using var log = await cluster.Client.CoreV1.ReadNamespacedPodLogAsync((string)pod["metadata"]!["name"]!, "jobs-ok");
        Assert.Equal("starting\n", await new StreamReader(log).ReadToEndAsync());
    }

    [Fact]
    public async Task A_failing_pod_is_replaced_until_the_backoff_limit_then_the_job_fails_with_the_exit_code_and_log_tail()
    {
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("jobs-fail", "broken", "echo 'disk on fire' >&2; exit 3", backoffLimit: 1));

        var job = await cluster.FinishedJobAsync("jobs-fail", "broken");
        var failed = job["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Failed");
        Assert.Equal("BackoffLimitExceeded", (string?)failed!["reason"]);
        Assert.Equal(2, (int?)job["status"]!["failed"]);
        Assert.Equal(2, cluster.PodsOf("jobs-fail", "broken").Count);
        Assert.All(cluster.PodsOf("jobs-fail", "broken"), pod =>
        {
            var terminated = pod["status"]!["containerStatuses"]![0]!["state"]!["terminated"]!;
            Assert.Equal(3, (int?)terminated["exitCode"]);
            Assert.Equal("Error", (string?)terminated["reason"]);
            Assert.Equal("disk on fire", (string?)terminated["message"]);
        });
    }

    [Fact]
    public async Task A_job_past_its_active_deadline_fails_and_its_running_pod_is_deleted()
    {
        var job = ClusterFixture.ShellJob("jobs-deadline", "slow", "sleep 60");
        job["spec"]!["activeDeadlineSeconds"] = 1;
        await cluster.Server.ApplyAsync(job);

        var finished = await cluster.FinishedJobAsync("jobs-deadline", "slow");
        Assert.Equal("DeadlineExceeded", (string?)finished["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Failed")!["reason"]);
        await Eventually.TrueAsync(() => cluster.PodsOf("jobs-deadline", "slow").Count == 0, "the pod to be deleted");
    }

    [Fact]
    public async Task Env_comes_from_values_secrets_and_the_pod_itself_and_a_missing_secret_keeps_the_pod_waiting()
    {
        var folder = await cluster.ClaimAsync("jobs-env", "data");
        var script = "echo \"$PLAIN $FROM_SECRET $POD\" > $DATA/env; env | grep -c KUBELET_SECRET_SHOULD_NOT_LEAK > $DATA/leak || true";
        var job = ClusterFixture.ShellJob("jobs-env", "env", script, claim: "data");
        var env = job["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Add(new JsonObject { ["name"] = "PLAIN", ["value"] = "plain" });
        env.Add(new JsonObject { ["name"] = "FROM_SECRET", ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = "keys", ["key"] = "password" } } });
        env.Add(new JsonObject { ["name"] = "POD", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.namespace" } } });
        Environment.SetEnvironmentVariable("KUBELET_SECRET_SHOULD_NOT_LEAK", "x");
        await cluster.Server.ApplyAsync(job);

        var waiting = await Eventually.ReturnsAsync(() => Task.FromResult(cluster.PodsOf("jobs-env", "env").SingleOrDefault()?["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]),
            "the pod to wait for its secret");
        Assert.Equal("CreateContainerConfigError", (string?)waiting["reason"]);
        Assert.Equal("secret \"keys\" not found", (string?)waiting["message"]);

        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "keys" },
            Data = new Dictionary<string, byte[]> { ["password"] = "s3cret"u8.ToArray() },
        }, "jobs-env");
        await cluster.FinishedJobAsync("jobs-env", "env");
        Assert.Equal("plain s3cret jobs-env\n", File.ReadAllText(Path.Combine(folder, "env")));
        Assert.Equal("0\n", File.ReadAllText(Path.Combine(folder, "leak")));
    }

    [Fact]
    public async Task Deleting_a_job_in_the_background_deletes_its_pod_and_kills_the_process()
    {
        var folder = await cluster.ClaimAsync("jobs-delete", "data");
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("jobs-delete", "sleeper", "echo $$ > $DATA/pid; exec sleep 60", claim: "data"));
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(folder, "pid")) && File.ReadAllText(Path.Combine(folder, "pid")).EndsWith('\n'), "the process to start");
        var pid = int.Parse(File.ReadAllText(Path.Combine(folder, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await cluster.Client.BatchV1.DeleteNamespacedJobAsync("sleeper", "jobs-delete", propagationPolicy: "Background");

        await Eventually.TrueAsync(() => cluster.PodsOf("jobs-delete", "sleeper").Count == 0, "the job's pod to be collected");
        await Eventually.TrueAsync(() => !Directory.Exists($"/proc/{pid}"), "the process to be killed");
    }

    [Fact]
    public async Task Deleting_a_job_without_a_propagation_policy_orphans_its_pod_as_batch_v1_does()
    {
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("jobs-orphan", "done", "true"));
        await cluster.FinishedJobAsync("jobs-orphan", "done");

        await cluster.Client.BatchV1.DeleteNamespacedJobAsync("done", "jobs-orphan");

        await Task.Delay(500);
        var pod = Assert.Single(cluster.PodsOf("jobs-orphan", "done"));
        Assert.Empty(pod["metadata"]!["ownerReferences"]!.AsArray());
    }

    [Fact]
    public async Task Pod_logs_can_be_followed_until_the_container_ends()
    {
        await cluster.Server.ApplyAsync(ClusterFixture.ShellJob("jobs-follow", "talker", "echo one; sleep 1; echo two"));
        var pod = await Eventually.ReturnsAsync(() => Task.FromResult(cluster.PodsOf("jobs-follow", "talker").FirstOrDefault(p => (string?)p["status"]?["phase"] == "Running")),
            "the pod to run");

        await using var log = await cluster.Client.CoreV1.ReadNamespacedPodLogAsync((string)pod["metadata"]!["name"]!, "jobs-follow", follow: true);
        Assert.Equal("one\ntwo\n", await new StreamReader(log).ReadToEndAsync());
    }
}
