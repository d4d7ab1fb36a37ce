namespace Stowage.Discovery.Domain.Catalog;

/// <summary>One application kind of the catalog, as a catalog file declares it (see docs/discovery.md).</summary>
internal sealed class CatalogEntry
{
    /// <summary>Stable name, e.g. <c>postgresql</c>; a file with the same name replaces an earlier entry.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The fallback for stateful workloads nothing else matched; it has no detection rules.</summary>
    public bool Generic { get; set; }

    /// <summary>Breaks ties between kinds with the same detection score; higher wins.</summary>
    public int Priority { get; set; }

    public DetectionRules Detect { get; set; } = new();

    public VolumeRules Volumes { get; set; } = new();

    public MemberRule Members { get; set; } = new();

    public HookRules Hooks { get; set; } = new();

    public PolicyRule Policy { get; set; } = new();

    public string RestoreNotes { get; set; } = "";

    /// <summary>The file it came from, for messages.</summary>
    public string Source { get; set; } = "";
}

internal sealed class DetectionRules
{
    /// <summary>Globs over the image name without registry, path or tag (<c>docker.io/bitnami/postgresql:16</c> is <c>postgresql</c>). Weight 3.</summary>
    public List<string> Images { get; set; } = [];

    /// <summary><c>key=glob</c> (or just <c>key</c>, meaning present), any one of which matches. Weight 3.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>Owner kinds as <c>Kind.group</c>, e.g. <c>Cluster.postgresql.cnpg.io</c>. Weight 4.</summary>
    public List<string> OwnerKinds { get; set; } = [];

    /// <summary>Globs over container names. Weight 1.</summary>
    public List<string> ContainerNames { get; set; } = [];

    /// <summary>Container or service ports. Weight 1.</summary>
    public List<int> Ports { get; set; } = [];

    /// <summary>The score an application needs to be recognised as this kind.</summary>
    public int MinimumScore { get; set; } = 3;
}

internal sealed class VolumeRules
{
    /// <summary>Globs over the volumeClaimTemplate name (or the claim name) of the volumes to copy.</summary>
    public List<string> Include { get; set; } = ["*"];

    public List<string> Exclude { get; set; } = [];
}

internal sealed class MemberRule
{
    public const string All = "all";
    public const string One = "one";
    public const string OnePerLabelValue = "onePerLabelValue";
    public const string MatchLabels = "matchLabels";

    public string Strategy { get; set; } = All;

    /// <summary>For <see cref="OnePerLabelValue"/>: the label whose distinct values form the groups (e.g. the rack).</summary>
    public string? Label { get; set; }

    /// <summary>For <see cref="MatchLabels"/>: alternatives tried in order; the first that matches any pod wins.</summary>
    public List<Dictionary<string, string>> AnyOf { get; set; } = [];
}

internal sealed class HookRules
{
    public List<HookRule> Before { get; set; } = [];

    public List<HookRule> After { get; set; } = [];
}

internal sealed class HookRule
{
    /// <summary>Globs over container names, tried in order; the first container of the application that matches runs the hook.</summary>
    public List<string> Containers { get; set; } = [];

    public List<string> Command { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 60;

    /// <summary><c>Fail</c> or <c>Continue</c>.</summary>
    public string OnError { get; set; } = "Fail";
}

internal sealed class PolicyRule
{
    /// <summary>A five-field cron expression.</summary>
    public string? Schedule { get; set; }

    /// <summary>An interval such as <c>30m</c>, <c>6h</c> or <c>1d</c>, when not a cron schedule.</summary>
    public string? Interval { get; set; }

    public int KeepLast { get; set; } = 7;
}
