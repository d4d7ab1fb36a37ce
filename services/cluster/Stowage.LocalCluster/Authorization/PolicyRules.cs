using k8s.Models;

namespace Stowage.LocalCluster.Authorization;

/// <summary>Whether one RBAC rule covers a request: plugin/pkg/auth/authorizer/rbac's RuleAllows and its helpers.</summary>
internal static class PolicyRules
{
    private const string All = "*";

    public static bool Allows(V1PolicyRule rule, RequestAttributes request) => request.IsResourceRequest
        ? Has(rule.Verbs, request.Verb)
            && Has(rule.ApiGroups, request.Group)
            && ResourceMatches(rule, request.CombinedResource, request.Subresource)
            && (rule.ResourceNames is not { Count: > 0 } names || names.Contains(request.Name))
        : Has(rule.Verbs, request.Verb) && NonResourceUrlMatches(rule, request.Path);

    private static bool Has(IList<string>? values, string requested) =>
        values is not null && (values.Contains(All) || values.Contains(requested));

    private static bool ResourceMatches(V1PolicyRule rule, string combined, string subresource) =>
        (rule.Resources ?? []).Any(resource => resource == All
            || resource == combined
            // "*/scale" grants the scale subresource of every resource.
            || (subresource.Length > 0 && resource == "*/" + subresource));

    private static bool NonResourceUrlMatches(V1PolicyRule rule, string path) =>
        (rule.NonResourceURLs ?? []).Any(url => url == All
            || url == path
            || (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal)));
}
