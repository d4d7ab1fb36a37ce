using System.Security.Cryptography;
using System.Text;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>The contract between the mover and its job pods: names, paths and the credentials' keys.</summary>
public static class VolumeJobs
{
    /// <summary>Where the pod sees the claim.</summary>
    public const string DataPath = "/data";

    /// <summary>The pod's scratch folder (an emptyDir): the root filesystem is read-only.</summary>
    public const string ScratchPath = "/scratch";

    /// <summary>The file the pod writes its result to; Kubernetes returns it as the container's termination message.</summary>
    public const string ResultPath = "/dev/termination-log";

    public const string AccessKeyIdKey = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKeyKey = "AWS_SECRET_ACCESS_KEY";
    public const string PasswordKey = "STOWAGE_PASSWORD";

    /// <summary>A Job name for this run, volume and kind: a DNS label, the same on every attempt.</summary>
    public static string NameFor(VolumeJobKind kind, string runId, string claimName)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}/{claimName}"))).ToLowerInvariant();
        return $"stowage-{(kind == VolumeJobKind.Backup ? "backup" : "restore")}-{hash[..16]}";
    }
}
