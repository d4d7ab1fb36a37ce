namespace Stowage.Common.Access;

/// <summary>The API server could not be asked who a caller is or what they may do; the request is refused (503), never let through.</summary>
public sealed class AccessReviewUnavailableException(Exception inner)
    : Exception("The Kubernetes API server could not review the caller's token or rights: " + inner.Message, inner);
