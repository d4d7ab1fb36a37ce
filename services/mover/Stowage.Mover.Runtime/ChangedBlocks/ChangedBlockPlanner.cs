using k8s.Autorest;
using Microsoft.Extensions.Options;
using Stowage.Mover.Cbt;
using Stowage.Mover.Engine.Snapshots;
using Stowage.Mover.Runtime.Runs;
using Stowage.Mover.Runtime.Snapshots;

namespace Stowage.Mover.Runtime.ChangedBlocks;

/// <summary>
/// What a volume job needs to read a block volume through changed-block tracking: the stowage-mover options naming
/// the service, the base (the parent's CSI handle) and the target (this run's VolumeSnapshot), and the Secret entries
/// (the service's token and CA bundle) that reach the pod as environment variables. Never logged, never in workflow state.
/// </summary>
public sealed record ChangedBlockPlan(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> SecretEnvironment);

/// <summary>
/// Decides whether a volume's copy can use changed-block tracking: a block-mode clone of a snapshot whose handle is
/// known, a parent whose tags name its snapshot's handle, and a SnapshotMetadataService for the driver. The mover asks
/// the TokenRequest API for a token of its own ServiceAccount (<see cref="MoverOptions.ServiceAccount"/>) with the
/// service's audience only, since the job's pod has no token of its own. Anything that fails on the way is a warning
/// and the volume is read in full.
/// </summary>
public sealed class ChangedBlockPlanner(SnapshotMetadataDiscovery discovery, IOptions<MoverOptions> options)
{
    /// <param name="path">The file the ranges describe, relative to the path the job backs up.</param>
    public async Task<ChangedBlockPlan?> PlanAsync(SnapshotClone? clone, SnapshotInfo? parent, string path, ICollection<string> warnings, CancellationToken ct)
    {
        if (clone is not { BlockMode: true, Driver: { } driver, SnapshotHandle: not null } || parent?.Tags.GetValueOrDefault(BackupTags.SnapshotHandle) is not { } baseHandle)
            return null;
        try
        {
            if (await discovery.FindAsync(driver, ct) is not { } endpoint) return null;
            if (options.Value.ServiceAccount?.Split('/') is not [{ Length: > 0 } ns, { Length: > 0 } account])
                throw new InvalidOperationException("Mover:ServiceAccount (namespace/name of the mover's ServiceAccount) is not set, so no token can be asked for");
            var token = await discovery.TokenAsync(ns, account, endpoint, ct);
            return new ChangedBlockPlan(
                ["--changed-blocks", path, "--cbt-service", endpoint.Address.ToString(), "--cbt-namespace", clone.Namespace, "--cbt-base", baseHandle, "--cbt-target", clone.SnapshotName],
                new Dictionary<string, string> { [CbtEnvironment.Token] = token, [CbtEnvironment.CaBundle] = endpoint.CaCertPem });
        }
        catch (Exception e) when (e is HttpOperationException or InvalidOperationException or InvalidDataException or FormatException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            warnings.Add($"Changed-block tracking not used for volume {clone.Namespace}/{clone.CloneClaim}: {Reason(e)}; the volume was read in full.");
            return null;
        }
    }

    private static string Reason(Exception e) => e is HttpOperationException http
        ? $"the Kubernetes API answered {(int)http.Response.StatusCode} {http.Response.ReasonPhrase}"
        : e.Message;
}
