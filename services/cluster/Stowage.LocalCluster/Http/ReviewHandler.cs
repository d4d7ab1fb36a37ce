using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Authentication;
using Stowage.LocalCluster.Authorization;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// TokenReview and the access reviews: create-only kinds that are answered, never stored. The answer is the request
/// with a status, as the apiserver returns it (201).
/// </summary>
internal sealed class ReviewHandler(TokenAuthenticator tokens, RbacAuthorizer authorizer)
{
    public static bool Handles(RequestAttributes request) => request is { IsResourceRequest: true, Version: "v1", Name: "" } && (request.Group, request.Resource, request.Namespace.Length > 0) is
        ("authentication.k8s.io", "tokenreviews", false)
        or ("authorization.k8s.io", "subjectaccessreviews" or "selfsubjectaccessreviews", false)
        or ("authorization.k8s.io", "localsubjectaccessreviews", true);

    public async Task HandleAsync(HttpContext context, RequestAttributes request, UserInfo caller)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }
        var review = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
            ?? throw ApiException.BadRequest("the request body must be a JSON object");
        var spec = review["spec"] as JsonObject ?? new JsonObject();
        review["kind"] = request.Resource switch
        {
            "tokenreviews" => "TokenReview",
            "selfsubjectaccessreviews" => "SelfSubjectAccessReview",
            "localsubjectaccessreviews" => "LocalSubjectAccessReview",
            _ => "SubjectAccessReview",
        };
        review["apiVersion"] = $"{request.Group}/v1";
        review["metadata"] = new JsonObject { ["creationTimestamp"] = null };
        review["spec"] = spec;
        var kind = (string)review["kind"]!;
        review["status"] = request.Resource switch
        {
            "tokenreviews" => TokenStatus(spec),
            "selfsubjectaccessreviews" => AccessStatus(caller, spec, kind, null),
            "localsubjectaccessreviews" => AccessStatus(Subject(spec, kind), spec, kind, request.Namespace),
            _ => AccessStatus(Subject(spec, kind), spec, kind, null),
        };
        await StatusResponses.WriteAsync(context, 201, review);
    }

    private JsonObject TokenStatus(JsonObject spec)
    {
        var token = (string?)spec["token"] ?? "";
        var audiences = Strings(spec["audiences"]);
        var (user, granted, error) = tokens.Authenticate(token, audiences);
        if (user is null)
        {
            // authenticated is omitted when false (omitempty), as the apiserver writes it.
            return new JsonObject { ["user"] = new JsonObject(), ["error"] = error };
        }
        var userJson = new JsonObject { ["username"] = user.Name };
        if (user.Uid.Length > 0)
        {
            userJson["uid"] = user.Uid;
        }
        userJson["groups"] = StringArray(user.Groups);
        if (user.Extra.Count > 0)
        {
            userJson["extra"] = new JsonObject(user.Extra.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)StringArray(pair.Value))));
        }
        return new JsonObject { ["authenticated"] = true, ["user"] = userJson, ["audiences"] = StringArray(granted) };
    }

    private JsonObject AccessStatus(UserInfo user, JsonObject spec, string kind, string? requiredNamespace)
    {
        var attributes = AttributesOf(spec, kind, requiredNamespace);
        var decision = authorizer.Authorize(user, attributes);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0)
        {
            status["reason"] = decision.Reason;
        }
        return status;
    }

    private static RequestAttributes AttributesOf(JsonObject spec, string kind, string? requiredNamespace)
    {
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            var ns = (string?)resource["namespace"] ?? "";
            if (requiredNamespace is not null && ns != requiredNamespace)
            {
                throw ApiException.Invalid($"{kind}.authorization.k8s.io", "", "spec.resourceAttributes.namespace", $"\"{ns}\"",
                    "must match metadata.namespace");
            }
            return new RequestAttributes((string?)resource["verb"] ?? "", true, (string?)resource["group"] ?? "", (string?)resource["version"] ?? "",
                (string?)resource["resource"] ?? "", (string?)resource["subresource"] ?? "", ns, (string?)resource["name"] ?? "");
        }
        if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            return new RequestAttributes((string?)nonResource["verb"] ?? "", false, Path: (string?)nonResource["path"] ?? "");
        }
        throw ApiException.Invalid($"{kind}.authorization.k8s.io", "", "spec.resourceAttributes", "null",
            "exactly one of nonResourceAttributes or resourceAttributes must be specified");
    }

    /// <summary>The user a SubjectAccessReview asks about, exactly as given: no groups are added.</summary>
    private static UserInfo Subject(JsonObject spec, string kind)
    {
        var name = (string?)spec["user"] ?? "";
        var groups = Strings(spec["groups"]);
        if (name.Length == 0 && groups.Count == 0)
        {
            throw ApiException.Invalid($"{kind}.authorization.k8s.io", "", "spec.user", "\"\"", "at least one of user or group must be specified");
        }
        var extra = (spec["extra"] as JsonObject ?? []).ToDictionary(pair => pair.Key, pair => Strings(pair.Value));
        return new UserInfo(name, (string?)spec["uid"] ?? "", groups, extra);
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(item => (string?)item ?? "")] : [];

    private static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(value => (JsonNode)value).ToArray());
}
