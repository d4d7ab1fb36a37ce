namespace Stowage.LocalCluster.Authorization;

/// <summary>An authorizer's answer; <paramref name="Reason"/> is what SubjectAccessReview reports and a 403 appends.</summary>
internal sealed record AuthorizationDecision(bool Allowed, string Reason);
