using Stowage.Common.Workflows;
using Dapr.Workflow;
using Microsoft.Extensions.Options;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Mover.Applications;
using Stowage.Mover.Runtime;
using Stowage.Mover.Runtime.Hooks;
using Stowage.Mover.Runtime.Volumes;
using Stowage.Mover.Workflows;

namespace Stowage.Mover.Activities;

/// <summary>Finds the application and checks its volumes can be reached, and which hooks run where. A problem fails only this run.</summary>
internal sealed class PlanRunActivity(ApplicationDirectory applications, IVolumeDataPath volumes, IOptions<MoverOptions> options)
    : TracedActivity<BackupRequested, BackupPlan>
{
    protected override async Task<BackupPlan> ExecuteAsync(WorkflowActivityContext context, BackupRequested request)
    {
        var app = request.Spec.Application;
        var description = await applications.GetAsync(app.Namespace, app.Name, CancellationToken.None);
        if (description is null)
        {
            return Refused(request, $"Application {app} has not been discovered in the cluster; check its namespace and name, or wait for discovery.");
        }

        var planned = new List<PlannedVolume>();
        foreach (var volume in description.Volumes.Where(v => v.Protect))
        {
            var snapshotClass = request.Spec.CopyMethod == CopyMethod.FileCopy ? null : volume.SnapshotClass;
            if (request.Spec.CopyMethod == CopyMethod.Snapshot && snapshotClass is null)
            {
                return Refused(request, $"Volume {volume.ClaimName} has no VolumeSnapshotClass for its driver; set the policy's copyMethod to auto or fileCopy.");
            }
            try
            {
                if (snapshotClass is null) await volumes.CheckAsync(app.Namespace, volume.ClaimName, CancellationToken.None);
                planned.Add(new PlannedVolume(volume.ClaimName, volume.StorageClass, volume.Size, snapshotClass));
            }
            catch (VolumeNotFoundException ex)
            {
                return Refused(request, ex.Message);
            }
        }
        var (pre, post) = Hooks(request.Spec, description);
        return new BackupPlan(request, planned, pre, post, options.Value.MaxParallelVolumes, null);
    }

    private static BackupPlan Refused(BackupRequested request, string problem) => new(request, [], [], [], 1, problem);

    /// <summary>The policy's hooks replace discovery's defaults; each runs in every member pod.</summary>
    private static (List<HookInvocation> Pre, List<HookInvocation> Post) Hooks(PolicySpec spec, ApplicationDescription app)
    {
        var pods = app.Pods.Where(p => p.IsMember).Select(p => p.Name).DefaultIfEmpty(app.Pods.FirstOrDefault()?.Name ?? app.Name).ToList();
        IEnumerable<(HookPhase Phase, string Container, IReadOnlyList<string> Command, int Timeout)> hooks = spec.Hooks is { Count: > 0 }
            ? spec.Hooks.Select(h => (h.Phase, h.Container, h.Command, h.TimeoutSeconds))
            : app.Hooks.Before.Select(h => (HookPhase.Pre, h.Container, h.Command, h.TimeoutSeconds))
                .Concat(app.Hooks.After.Select(h => (HookPhase.Post, h.Container, h.Command, h.TimeoutSeconds)));
        var invocations = hooks.SelectMany(h => pods.Select(pod =>
            (h.Phase, Hook: new HookInvocation(app.Namespace, pod, h.Container, h.Command, TimeSpan.FromSeconds(h.Timeout))))).ToList();
        return (invocations.Where(i => i.Phase == HookPhase.Pre).Select(i => i.Hook).ToList(),
                invocations.Where(i => i.Phase == HookPhase.Post).Select(i => i.Hook).ToList());
    }
}
