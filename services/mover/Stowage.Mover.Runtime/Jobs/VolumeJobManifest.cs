using k8s.Models;
using Stowage.Common.Targets;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>
/// The Job and the credentials Secret of a volume job. The pod is small: no hostPath, no privilege, no service
/// account token, a read-only root filesystem, every capability dropped but the one or three its kind needs (reading
/// every file whatever its owner; or setting owners and modes while writing), and the claim mounted read-only for a
/// backup. It runs as root only because those capabilities do not apply to a non-root user in Kubernetes.
/// </summary>
public static class VolumeJobManifest
{
    private const string Container = "mover";

    public static V1Job Job(VolumeJob job, VolumeJobSettings settings)
    {
        var readOnly = job.Kind == VolumeJobKind.Backup;
        var pod = new V1PodSpec
        {
            RestartPolicy = "Never",
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            NodeSelector = job.NodeName is null ? null : new Dictionary<string, string> { ["kubernetes.io/hostname"] = job.NodeName },
            SecurityContext = new V1PodSecurityContext { RunAsUser = 0, RunAsNonRoot = false, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
            Containers =
            [
                new V1Container
                {
                    Name = Container,
                    Image = settings.Image,
                    Command = [settings.Entrypoint],
                    Args = [.. job.Arguments],
                    Env =
                    [
                        FromSecret(VolumeJobs.AccessKeyIdKey, job.Name), FromSecret(VolumeJobs.SecretAccessKeyKey, job.Name), FromSecret(VolumeJobs.PasswordKey, job.Name),
                        .. job.SecretEnvironment.Keys.Order(StringComparer.Ordinal).Select(key => FromSecret(key, job.Name)),
                        new V1EnvVar { Name = "TMPDIR", Value = VolumeJobs.ScratchPath }, new V1EnvVar { Name = "HOME", Value = VolumeJobs.ScratchPath },
                    ],
                    VolumeMounts =
                    [
                        .. job.BlockDevice ? [] : new[] { new V1VolumeMount { Name = "data", MountPath = VolumeJobs.DataPath, ReadOnlyProperty = readOnly } },
                        new V1VolumeMount { Name = "scratch", MountPath = VolumeJobs.ScratchPath },
                    ],
                    VolumeDevices = job.BlockDevice ? [new V1VolumeDevice { Name = "data", DevicePath = VolumeJobs.DevicePath }] : null,
                    TerminationMessagePath = VolumeJobs.ResultPath,
                    TerminationMessagePolicy = "FallbackToLogsOnError",
                    Resources = settings.MemoryLimit is { } memory
                        ? new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(memory) } }
                        : null,
                    SecurityContext = new V1SecurityContext
                    {
                        AllowPrivilegeEscalation = false,
                        Privileged = false,
                        ReadOnlyRootFilesystem = true,
                        Capabilities = new V1Capabilities
                        {
                            Drop = ["ALL"],
                            Add = readOnly ? ["DAC_READ_SEARCH"] : ["CHOWN", "FOWNER", "DAC_OVERRIDE"],
                        },
                    },
                },
            ],
            Volumes =
            [
                new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = job.ClaimName, ReadOnlyProperty = readOnly } },
                new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() },
            ],
        };
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { Name = job.Name, NamespaceProperty = job.Namespace, Labels = Labels(job) },
            Spec = new V1JobSpec
            {
                BackoffLimit = settings.Retries,
                ActiveDeadlineSeconds = (long)settings.Deadline.TotalSeconds,
                // A safety net only: the mover deletes every Job it finished with.
                TtlSecondsAfterFinished = 86400,
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels(job) }, Spec = pod },
            },
        };
    }

    /// <summary>The job's own copy of the repository credentials, deleted with the Job (it is the Secret's owner).</summary>
    public static V1Secret Credentials(VolumeJob job, V1Job owner, TargetCredentials credentials) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = job.Name,
            NamespaceProperty = job.Namespace,
            Labels = Labels(job),
            OwnerReferences = [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "Job", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, BlockOwnerDeletion = true }],
        },
        Type = "Opaque",
        StringData = new Dictionary<string, string>
        {
            [VolumeJobs.AccessKeyIdKey] = credentials.AccessKeyId,
            [VolumeJobs.SecretAccessKeyKey] = credentials.SecretAccessKey,
            [VolumeJobs.PasswordKey] = credentials.RepositoryPassword,
        }.Concat(job.SecretEnvironment).ToDictionary(),
    };

    private static Dictionary<string, string> Labels(VolumeJob job) =>
        new(job.Labels) { ["app.kubernetes.io/managed-by"] = "stowage", ["app.kubernetes.io/component"] = "volume-job" };

    private static V1EnvVar FromSecret(string key, string secret) =>
        new() { Name = key, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Key = key, Name = secret } } };
}
