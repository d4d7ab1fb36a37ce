using System.Net;
using k8s;
using k8s.Autorest;
using Stowage.Mover.Runtime.Volumes;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>What the Kubernetes API says about a claim: whether it can be mounted, and where its live copy must run.</summary>
public sealed class ClaimUsers(IKubernetes kubernetes)
{
    private static readonly string[] SingleNodeModes = ["ReadWriteOnce", "ReadWriteOncePod"];

    /// <exception cref="VolumeNotFoundException">The claim does not exist or is not bound to a volume.</exception>
    public async Task RequireAsync(string @namespace, string claimName, CancellationToken cancellationToken)
    {
        try
        {
            var claim = await kubernetes.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(claimName, @namespace, cancellationToken: cancellationToken);
            if (claim.Status?.Phase != "Bound")
                throw new VolumeNotFoundException($"Claim {@namespace}/{claimName} is {claim.Status?.Phase ?? "not bound"}; only a bound claim can be copied.");
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new VolumeNotFoundException($"Claim {@namespace}/{claimName} does not exist.");
        }
    }

    /// <summary>
    /// The node a job that mounts the claim must run on: for a claim attachable to one node at a time, the node of a
    /// running pod that uses it (a pod elsewhere would wait forever on a Multi-Attach error); otherwise none.
    /// </summary>
    public async Task<string?> NodeForAsync(string @namespace, string claimName, CancellationToken cancellationToken)
    {
        var claim = await kubernetes.CoreV1.ReadNamespacedPersistentVolumeClaimAsync(claimName, @namespace, cancellationToken: cancellationToken);
        var modes = claim.Spec?.AccessModes ?? [];
        if (!modes.Any(SingleNodeModes.Contains) || modes.Contains("ReadWriteMany") || modes.Contains("ReadOnlyMany")) return null;
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(@namespace, cancellationToken: cancellationToken);
        return pods.Items
            .Where(p => p.Status?.Phase is "Running" or "Pending" && !string.IsNullOrEmpty(p.Spec?.NodeName)
                && p.Spec.Volumes?.Any(v => v.PersistentVolumeClaim?.ClaimName == claimName) == true)
            .Select(p => p.Spec.NodeName)
            .FirstOrDefault();
    }
}
