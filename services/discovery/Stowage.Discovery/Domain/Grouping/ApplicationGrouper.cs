using System.Text.RegularExpressions;
using Stowage.Discovery.Domain.Inventory;

namespace Stowage.Discovery.Domain.Grouping;

/// <summary>
/// Groups a snapshot's objects into applications: each workload with its pods, pods without a workload by their
/// owner, then merges everything that declares the same application (see <see cref="ApplicationIdentity"/>).
/// Claims, services, ConfigMaps and Secrets join the application that uses or declares them.
/// </summary>
internal static class ApplicationGrouper
{
    public static IReadOnlyList<ApplicationCandidate> Group(InventorySnapshot snapshot) =>
        snapshot.PerNamespace().SelectMany(GroupNamespace)
            .OrderBy(c => c.Identity.Namespace, StringComparer.Ordinal).ThenBy(c => c.Identity.Name, StringComparer.Ordinal).ToList();

    private static IEnumerable<ApplicationCandidate> GroupNamespace(InventorySnapshot snapshot)
    {
        var candidates = new Dictionary<(string Namespace, string Name), ApplicationCandidate>();
        ApplicationCandidate CandidateFor(ApplicationIdentity identity)
        {
            var key = (identity.Namespace, identity.Name);
            if (!candidates.TryGetValue(key, out var candidate))
            {
                candidates[key] = candidate = new ApplicationCandidate(identity);
            }
            return candidate;
        }

        var podsLeft = snapshot.Pods.ToList();
        foreach (var workload in snapshot.Workloads)
        {
            var candidate = CandidateFor(ApplicationIdentity.Of(workload.Meta, "workload", workload.Template.Labels));
            candidate.Workloads.Add(workload);
            var own = podsLeft.Where(pod => BelongsTo(pod, workload)).ToList();
            candidate.Pods.AddRange(own);
            podsLeft.RemoveAll(own.Contains);
        }
        // A Job's pods are passing workers (often mounting another application's claim), not applications.
        foreach (var pod in podsLeft.Where(pod => pod.Meta.Controller?.Kind != "Job"))
        {
            CandidateFor(ApplicationIdentity.Of(pod.Meta, "pod")).Pods.Add(pod);
        }

        var claimsByKey = snapshot.Claims.ToDictionary(claim => (claim.Namespace, claim.Name));
        var claimed = new HashSet<ClaimObject>();
        foreach (var candidate in candidates.Values)
        {
            AttachClaims(candidate, snapshot.Claims, claimsByKey, claimed);
        }
        foreach (var claim in snapshot.Claims.Where(claim => !claimed.Contains(claim)))
        {
            CandidateFor(ApplicationIdentity.Of(claim.Meta, "claim")).AddClaim(claim, null, null);
        }
        foreach (var service in snapshot.Services)
        {
            FindUser(candidates.Values, service, candidate => candidate.Pods.Select(p => p.Meta.Labels).Concat(candidate.Workloads.Select(w => w.Template.Labels))
                .Any(labels => SelectorMatch.Matches(service.Selector, labels)))?.Services.Add(service);
        }
        foreach (var named in snapshot.Named)
        {
            FindUser(candidates.Values, named, candidate => candidate.Templates.Any(template =>
                (named.Kind == ObjectKind.ConfigMap ? template.ConfigMapNames : template.SecretNames).Contains(named.Name)))?.ConfigMapsAndSecrets.Add(named);
        }
        return candidates.Values;
    }

    private static bool BelongsTo(PodObject pod, WorkloadObject workload) =>
        pod.Namespace == workload.Namespace
        && (pod.Meta.Controller is { } owner && owner.Kind == workload.Kind.ToString() && owner.Name == workload.Name
            || pod.Meta.Controller is null or { Kind: "ReplicaSet" } && SelectorMatch.Matches(workload.Selector, pod.Meta.Labels));

    private static void AttachClaims(
        ApplicationCandidate candidate,
        IReadOnlyList<ClaimObject> claims,
        Dictionary<(string, string), ClaimObject> claimsByKey,
        HashSet<ClaimObject> claimed)
    {
        var ns = candidate.Identity.Namespace;
        foreach (var statefulSet in candidate.Workloads.Where(w => w.Kind == ObjectKind.StatefulSet))
        {
            foreach (var template in statefulSet.ClaimTemplates)
            {
                var pattern = new Regex($"^{Regex.Escape(template.Name)}-{Regex.Escape(statefulSet.Name)}-(\\d+)$", RegexOptions.CultureInvariant);
                foreach (var claim in claims.Where(claim => claim.Namespace == ns && pattern.IsMatch(claim.Name) && claimed.Add(claim)))
                {
                    var podName = $"{statefulSet.Name}-{pattern.Match(claim.Name).Groups[1].Value}";
                    candidate.AddClaim(claim, candidate.Pods.Any(pod => pod.Name == podName) ? podName : null, template.Name);
                }
            }
        }
        foreach (var pod in candidate.Pods)
        {
            foreach (var name in pod.Spec.ClaimNames)
            {
                if (claimsByKey.TryGetValue((ns, name), out var claim) && (claimed.Add(claim) || candidate.Claims.Contains(claim)))
                {
                    candidate.AddClaim(claim, pod.Name, null);
                }
            }
        }
        foreach (var name in candidate.Workloads.SelectMany(w => w.Template.ClaimNames))
        {
            if (claimsByKey.TryGetValue((ns, name), out var claim) && claimed.Add(claim))
            {
                candidate.AddClaim(claim, null, null);
            }
        }
    }

    /// <summary>The candidate that uses <paramref name="obj"/>, else the one it declares it belongs to, else none.</summary>
    private static ApplicationCandidate? FindUser(IEnumerable<ApplicationCandidate> candidates, ClusterObject obj, Func<ApplicationCandidate, bool> uses)
    {
        var inNamespace = candidates.Where(candidate => candidate.Identity.Namespace == obj.Namespace).ToList();
        var declared = ApplicationIdentity.Declared(obj.Meta);
        return inNamespace.FirstOrDefault(uses) ?? inNamespace.FirstOrDefault(candidate => candidate.Identity.Name == declared?.Name);
    }
}
