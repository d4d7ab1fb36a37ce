namespace Stowage.Contracts;

/// <summary>Dapr app ids of the Stowage services, as tye.yaml, dapr.yaml and deploy/ name them.</summary>
public static class AppIds
{
    public const string Policy = "stowage-policy";
    public const string Discovery = "stowage-discovery";
    public const string Scheduler = "stowage-scheduler";
    public const string Mover = "stowage-mover";
    public const string Restore = "stowage-restore";
    public const string Console = "stowage-console";

    /// <summary>The five services and the console, which is the front door.</summary>
    public static readonly IReadOnlyList<string> All = [Discovery, Policy, Scheduler, Mover, Restore, Console];
}
