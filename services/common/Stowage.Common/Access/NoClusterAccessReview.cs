namespace Stowage.Common.Access;

/// <summary>With no Kubernetes API configured nobody can be authenticated: every API request is refused (503), saying why.</summary>
internal sealed class NoClusterAccessReview : IAccessReview
{
    public Task<Caller?> AuthenticateAsync(string token, CancellationToken ct) => throw Unavailable();

    public Task<bool> IsAllowedAsync(Caller caller, Permission permission, CancellationToken ct) => throw Unavailable();

    private static AccessReviewUnavailableException Unavailable() =>
        new(new InvalidOperationException("no Kubernetes API is configured (set Kubernetes:Url, run in a cluster, or provide a kubeconfig)"));
}
