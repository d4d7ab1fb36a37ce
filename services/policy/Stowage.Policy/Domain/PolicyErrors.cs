namespace Stowage.Policy.Domain;

/// <summary>The command contradicts the policy's current state (HTTP 409).</summary>
public sealed class PolicyRuleViolation(string message) : Exception(message);

/// <summary>No such policy, or it was deleted (HTTP 404).</summary>
public sealed class PolicyNotFound(bool deleted = false)
    : Exception(deleted ? "The policy was deleted; its backups remain restorable." : "No policy has this id.")
{
    public bool Deleted { get; } = deleted;
}
