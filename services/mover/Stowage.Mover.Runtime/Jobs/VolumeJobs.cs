using System.Security.Cryptography;
using System.Text;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>The contract between the mover and its job pods: names, paths and the credentials' keys.</summary>
public static class VolumeJobs
{
    /// <summary>Where the pod sees the claim.</summary>
    public const string DataPath = "/data";

    /// <summary>Where the pod sees a block-mode claim's device: the only entry of <see cref="DataPath"/>, which the job backs up.</summary>
    public const string DevicePath = DataPath + "/device";

    /// <summary>The pod's scratch folder (an emptyDir): the root filesystem is read-only.</summary>
    public const string ScratchPath = "/scratch";

    /// <summary>The file the pod writes its result to; Kubernetes returns it as the container's termination message.</summary>
    public const string ResultPath = "/dev/termination-log";

    public const string AccessKeyIdKey = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKeyKey = "AWS_SECRET_ACCESS_KEY";
    public const string PasswordKey = "STOWAGE_PASSWORD";

    /// <summary>A Job name for this run, volume and kind: a DNS label, the same on every attempt.</summary>
    public static string NameFor(VolumeJobKind kind, string runId, string claimName) =>
        $"stowage-{(kind == VolumeJobKind.Backup ? "backup" : "restore")}-{Hash($"{runId}/{claimName}")}";

    /// <summary>
    /// A run or restore id as a label value (at most 63 characters of [A-Za-z0-9._-], alphanumeric at both ends):
    /// the id itself when it is one, else its first characters and a hash of the whole.
    /// </summary>
    public static string LabelValue(string id)
    {
        var valid = id.Length is > 0 and <= 63 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && char.IsAsciiLetterOrDigit(id[0]) && char.IsAsciiLetterOrDigit(id[^1]);
        if (valid) return id;
        var head = new string(id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(40).ToArray()).Trim('-');
        return head.Length == 0 ? Hash(id) : $"{head}-{Hash(id)}";
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant()[..16];
}
