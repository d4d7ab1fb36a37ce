namespace Stowage.Mover.Cbt;

/// <summary>The environment variables through which a volume job's pod gets the snapshot metadata service's token and
/// CA bundle (from the job's Secret; never on the command line, where a pod's spec and logs would show them).</summary>
public static class CbtEnvironment
{
    public const string Token = "STOWAGE_CBT_TOKEN";
    public const string CaBundle = "STOWAGE_CBT_CA";
}
