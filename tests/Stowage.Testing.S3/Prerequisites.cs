namespace Stowage.Testing.S3;

internal static class Prerequisites
{
    public const string InstallHint =
        "The test S3 server is Ceph's RADOS Gateway from Debian. Install it with `.ci/run` or with " +
        "`sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd` " +
        "(or tests/Stowage.Testing.S3/install-s3-server.sh).";

    private static readonly string[] Tools =
        ["radosgw", "radosgw-admin", "ceph-mon", "ceph-osd", "ceph-authtool", "monmaptool", "ceph"];

    public static void EnsureInstalled()
    {
        var missing = Tools.Where(tool => FindOnPath(tool) is null).ToList();
        if (missing.Count > 0)
        {
            throw new RadosGatewayStartException($"Not installed: {string.Join(", ", missing)}. {InstallHint}");
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
