using System.Text.Json.Nodes;
using Stowage.LocalCluster.Scheduling;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>
/// The batch/v1 Job controller for non-indexed Jobs of one completion: creates a pod from the template (labelled
/// <c>batch.kubernetes.io/job-name</c> and <c>controller-uid</c>, owned by the Job), creates another after each failed one
/// (waiting <c>backoff × 2^(failures-1)</c>), and ends the Job with SuccessCriteriaMet + Complete, or FailureTarget + Failed
/// with reason BackoffLimitExceeded (more than <c>spec.backoffLimit</c> failed pods, default 6) or DeadlineExceeded
/// (<c>spec.activeDeadlineSeconds</c> passed; active pods are deleted). Counts are kept in <c>status</c>.
/// </summary>
internal sealed class JobController(ObjectStore store, ClusterKinds kinds, ClusterEvents events, TimeSpan backoff) : IReconciler
{
    public void Reconcile(DateTimeOffset now)
    {
        var pods = store.List(kinds.Pods, null, LabelSelector.Everything, FieldSelector.Everything).Items;
        foreach (var job in store.List(kinds.Jobs, null, LabelSelector.Everything, FieldSelector.Everything).Items.Where(j => !JobConditions.IsFinished(j)))
        {
            Sync(job, pods.Where(p => (string?)p["metadata"]?["labels"]?["controller-uid"] == ObjectWrites.Uid(job)).ToList(), now);
        }
    }

    private void Sync(JsonObject job, List<JsonObject> pods, DateTimeOffset now)
    {
        var (ns, name) = (ObjectWrites.Namespace(job), ObjectWrites.Name(job));
        var active = pods.Where(p => !PodPhases.IsTerminal(p)).ToList();
        var failed = pods.Count(p => PodPhases.Phase(p) == "Failed");
        var succeeded = pods.Count(p => PodPhases.Phase(p) == "Succeeded");
        var startTime = (string?)job["status"]?["startTime"] is { } started ? DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture) : now;
        var backoffLimit = (int)(ObjectWrites.Number(job["spec"]?["backoffLimit"]) ?? 6);
        var deadline = ObjectWrites.Number(job["spec"]?["activeDeadlineSeconds"]);

        (string Reason, string Message)? failure = failed > backoffLimit ? ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
            : deadline is { } seconds && now - startTime >= TimeSpan.FromSeconds(seconds) ? ("DeadlineExceeded", "Job was active longer than specified deadline")
            : null;
        if (succeeded > 0)
        {
            Finish(job, now, "SuccessCriteriaMet", "Complete", "CompletionsReached", "Reached expected number of succeeded pods", active.Count, succeeded, failed);
            events.Record(job, "Normal", "Completed", "Job completed", "job-controller");
            return;
        }
        if (failure is { } why)
        {
            foreach (var pod in active)
            {
                ObjectWrites.TryDelete(store, kinds.Pods, ns, ObjectWrites.Name(pod));
            }
            Finish(job, now, "FailureTarget", "Failed", why.Reason, why.Message, 0, succeeded, failed);
            events.Record(job, "Warning", why.Reason, why.Message, "job-controller");
            return;
        }
        if (active.Count == 0 && BackoffOver(pods, failed, now))
        {
            var pod = PodFor(job);
            store.Create(kinds.Pods, ns, pod);
            events.Record(job, "Normal", "SuccessfulCreate", $"Created pod: {ObjectWrites.Name(pod)}", "job-controller");
            active.Add(pod);
        }
        ObjectWrites.Change(store, kinds.Jobs, ns, name, j =>
        {
            var status = j["status"] as JsonObject ?? new JsonObject();
            j["status"] = status;
            status["startTime"] ??= ObjectWrites.Now(now);
            status["active"] = active.Count;
            status["ready"] = active.Count(p => PodPhases.Phase(p) == "Running");
            status["failed"] = failed;
            status["succeeded"] = succeeded;
            status["terminating"] = 0;
        });
    }

    private bool BackoffOver(List<JsonObject> pods, int failed, DateTimeOffset now)
    {
        if (failed == 0)
        {
            return true;
        }
        var lastFailure = pods.Where(p => PodPhases.Phase(p) == "Failed")
            .Select(p => (string?)p["status"]?["containerStatuses"]?[0]?["state"]?["terminated"]?["finishedAt"])
            .OfType<string>().Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        return lastFailure == DateTimeOffset.MinValue || now - lastFailure >= backoff * Math.Pow(2, Math.Min(failed - 1, 6));
    }

    private void Finish(JsonObject job, DateTimeOffset now, string interim, string final, string reason, string message, int active, int succeeded, int failed) =>
        ObjectWrites.Change(store, kinds.Jobs, ObjectWrites.Namespace(job), ObjectWrites.Name(job), j =>
        {
            var status = j["status"] as JsonObject ?? new JsonObject();
            j["status"] = status;
            var time = ObjectWrites.Now(now);
            status["startTime"] ??= time;
            status["active"] = active;
            status["ready"] = 0;
            status["failed"] = failed;
            status["succeeded"] = succeeded;
            status["terminating"] = 0;
            if (final == "Complete")
            {
                status["completionTime"] = time;
            }
            status["conditions"] = new JsonArray(
                JobConditions.Condition(interim, reason, message, time),
                JobConditions.Condition(final, reason, message, time));
        });

    private static JsonObject PodFor(JsonObject job)
    {
        var template = job["spec"]?["template"]?.DeepClone().AsObject() ?? new JsonObject();
        var metadata = template["metadata"] as JsonObject ?? new JsonObject();
        var labels = metadata["labels"] as JsonObject ?? new JsonObject();
        var (name, uid) = (ObjectWrites.Name(job), ObjectWrites.Uid(job));
        labels["batch.kubernetes.io/job-name"] = name;
        labels["job-name"] = name;
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["controller-uid"] = uid;
        metadata["labels"] = labels;
        metadata["name"] = $"{(name.Length > 57 ? name[..57] : name)}-{Guid.NewGuid().ToString("N")[..5]}";
        metadata["ownerReferences"] = ObjectWrites.OwnedBy(job);
        template["metadata"] = metadata;
        template["status"] = new JsonObject { ["phase"] = "Pending" };
        return template;
    }
}
