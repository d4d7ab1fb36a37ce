using Microsoft.AspNetCore.Http;

namespace Stowage.LocalCluster.Authorization;

/// <summary>
/// What a request asks to do, as the apiserver's RequestInfoFactory reads it from the path, method and query:
/// a verb on a resource (with its subresource, namespace and name) or a verb on a non-resource path.
/// </summary>
internal sealed record RequestAttributes(
    string Verb,
    bool IsResourceRequest,
    string Group = "",
    string Version = "",
    string Resource = "",
    string Subresource = "",
    string Namespace = "",
    string Name = "",
    string Path = "")
{
    /// <summary>The resource as rules name it: <c>pods</c> or <c>pods/exec</c>.</summary>
    public string CombinedResource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    public static RequestAttributes Of(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, version, rest) = parts switch
        {
            ["api", var v, ..] => ("", v, parts[2..]),
            ["apis", var g, var v, ..] => (g, v, parts[3..]),
            _ => ("", "", Array.Empty<string>()),
        };
        if (rest.Length == 0)
        {
            return new RequestAttributes(request.Method.ToLowerInvariant(), false, Path: path);
        }
        var ns = "";
        if (rest is ["namespaces", var nsName, ..])
        {
            ns = nsName;
            // namespaces/{ns}/status and /finalize are the namespace's own subresources, not a resource inside it.
            if (rest.Length > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
            }
        }
        var name = rest.ElementAtOrDefault(1) ?? "";
        var verb = VerbOf(request, ref name);
        return new RequestAttributes(verb, true, group, version, rest[0], rest.ElementAtOrDefault(2) ?? "", ns, name, path);
    }

    private static string VerbOf(HttpRequest request, ref string name)
    {
        var method = request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            if (name.Length > 0)
            {
                return "get";
            }
            // A list or watch narrowed to metadata.name=X is about the object X, so resourceNames rules apply to it.
            name = NameFromFieldSelector(request.Query["fieldSelector"]);
            return request.Query["watch"] is ["true" or "1"] ? "watch" : "list";
        }
        return method switch
        {
            _ when HttpMethods.IsPost(method) => "create",
            _ when HttpMethods.IsPut(method) => "update",
            _ when HttpMethods.IsPatch(method) => "patch",
            _ when HttpMethods.IsDelete(method) => name.Length == 0 ? "deletecollection" : "delete",
            _ => "",
        };
    }

    private static string NameFromFieldSelector(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return "";
        }
        foreach (var term in selector.Split(','))
        {
            var parts = term.Split(["==", "="], 2, StringSplitOptions.TrimEntries);
            if (parts is ["metadata.name", var value] && !value.StartsWith('!'))
            {
                return value;
            }
        }
        return "";
    }
}
