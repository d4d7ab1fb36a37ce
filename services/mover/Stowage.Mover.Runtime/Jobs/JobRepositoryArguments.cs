using Stowage.Common.Targets;
using Stowage.Contracts.Policies;

namespace Stowage.Mover.Runtime.Jobs;

/// <summary>
/// The stowage-mover options that name a policy's repository inside a job pod. Credentials are not among them: they
/// reach the pod as environment variables from the job's Secret.
/// </summary>
public static class JobRepositoryArguments
{
    /// <param name="localRepositoryRoot">Where "local" targets are; a job pod sees it only on a single machine, where the pod is a local process.</param>
    public static IReadOnlyList<string> For(BackupTarget target, string localRepositoryRoot)
    {
        if (target.Provider == TargetProviders.Local) return ["--repo", Path.Combine(localRepositoryRoot, target.Bucket, target.Prefix)];
        var region = target.Region ?? "us-east-1";
        var endpoint = (S3ClientFactory.EndpointOf(target) ?? $"https://s3.{region}.amazonaws.com").TrimEnd('/');
        var prefix = target.Prefix.Trim('/');
        List<string> arguments = ["--repo", $"s3:{endpoint}/{target.Bucket}{(prefix.Length > 0 ? "/" + prefix : "")}", "--region", region];
        if (!S3ClientFactory.PathStyleOf(target)) arguments.Add("--s3-virtual-hosted");
        return arguments;
    }
}
