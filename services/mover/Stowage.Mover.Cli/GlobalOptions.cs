using System.CommandLine;

namespace Stowage.Mover.Cli;

/// <summary>Options every command accepts: where the repository is and how to unlock it.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Repository = new("--repo", "-r")
    {
        Description = "Repository: a directory, or s3:http(s)://host:port/bucket/prefix (env STOWAGE_REPOSITORY). S3 keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> PasswordFile = new("--password-file")
    {
        Description = "File whose first line is the password (default: env STOWAGE_PASSWORD).",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> KeyFile = new("--key-file")
    {
        Description = "Key file (at least 32 random bytes) instead of a password.",
        Recursive = true,
    };

    public static readonly Option<string?> Region = new("--region")
    {
        Description = "S3 signing region (default: env AWS_REGION or us-east-1).",
        Recursive = true,
    };

    public static readonly Option<bool> VirtualHosted = new("--s3-virtual-hosted")
    {
        Description = "Address the bucket as http://bucket.host/ instead of http://host/bucket/.",
        Recursive = true,
    };

    public static readonly Option<int> ObjectLockDays = new("--object-lock-days")
    {
        Description = "Ask S3 Object Lock (COMPLIANCE) to retain every object written for N days (the bucket needs Object Lock).",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print results as JSON.",
        Recursive = true,
    };

    public static readonly Option<string?> MemoryBudget = new("--memory-budget")
    {
        Description = "Memory the run may use, e.g. 256M or 2G (default: STOWAGE_MEMORY_BUDGET, else the cgroup limit); smaller caches and restore batches trade speed for it.",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Repository, PasswordFile, KeyFile, Region, VirtualHosted, ObjectLockDays, Json, MemoryBudget];
}
