using Stowage.Common.Workflows;
using System.Net;
using Dapr.Workflow;
using k8s;
using k8s.Autorest;
using Stowage.Mover.Runtime.Resources;
using Stowage.Restore.Mapping;
using Stowage.Restore.Workflows;

namespace Stowage.Restore.Activities;

/// <summary>
/// The plan's objects that already exist in the target namespace and were not made by this restore (an earlier
/// attempt of it may have made some). A restore never overwrites them: it refuses before it changes anything.
/// </summary>
internal sealed class FindConflictsActivity(IServiceProvider services) : TracedActivity<RestorePlan, List<string>>
{
    protected override async Task<List<string>> ExecuteAsync(WorkflowActivityContext context, RestorePlan plan)
    {
        var conflicts = new List<string>();
        if (services.GetService<IKubernetes>() is not { } kubernetes) return conflicts;
        foreach (var (apiVersion, kind, name, _) in plan.Claims.Concat(plan.Resources))
        {
            try
            {
                var existing = await ResourceKinds.ReadAsync(kubernetes, apiVersion, kind, name, plan.TargetNamespace, CancellationToken.None);
                if (!RestoreLabel.IsFrom(existing, plan.Input.RestoreId)) conflicts.Add($"{kind}/{name}");
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
            {
            }
            catch (HttpOperationException ex)
            {
                conflicts.Add($"{kind}/{name} (cannot tell whether it exists: HTTP {(int)ex.Response.StatusCode})");
            }
            catch (NotSupportedException)
            {
                // A kind the restore cannot read is one it cannot create either; creating it reports that.
            }
        }
        return conflicts;
    }
}
