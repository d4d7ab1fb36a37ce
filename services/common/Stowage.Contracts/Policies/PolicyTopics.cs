namespace Stowage.Contracts.Policies;

/// <summary>Pub/sub topics of policy events; each name is also the event's stable JSON type name.</summary>
public static class PolicyTopics
{
    public const string Created = "policy.created";
    public const string Changed = "policy.changed";
    public const string Paused = "policy.paused";
    public const string Resumed = "policy.resumed";
    public const string Orphaned = "policy.orphaned";
    public const string Adopted = "policy.adopted";
    public const string Deleted = "policy.deleted";
}
