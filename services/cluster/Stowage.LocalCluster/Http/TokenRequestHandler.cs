using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Authentication;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Http;

/// <summary>
/// <c>POST .../serviceaccounts/{name}/token</c>, the TokenRequest API (what <c>kubectl create token</c> and projected
/// service-account volumes use): a token for an existing service account, optionally bound to a Pod or Secret, for
/// <c>spec.audiences</c> (the apiserver's own by default) and <c>spec.expirationSeconds</c> (default 3600, at least 600).
/// </summary>
internal sealed class TokenRequestHandler(ObjectStore store, TokenAuthenticator tokens, TimeProvider time)
{
    private const string Kind = "TokenRequest.authentication.k8s.io";

    public async Task HandleAsync(HttpContext context, ResourceRequest request)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }
        var (ns, name) = (request.Namespace!, request.Name!);
        var account = store.Get(BuiltInResourceTypes.ServiceAccounts, ns, name) ?? throw ApiException.NotFound("serviceaccounts", name);
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? [];
        var spec = body["spec"] as JsonObject ?? [];
        var seconds = (long?)spec["expirationSeconds"] ?? 3600;
        if (seconds < 600)
        {
            throw ApiException.Invalid(Kind, name, "spec.expirationSeconds", seconds.ToString(CultureInfo.InvariantCulture), "may not specify a duration less than 10 minutes");
        }
        var audiences = spec["audiences"] is JsonArray { Count: > 0 } given
            ? given.Select(audience => (string?)audience ?? "").ToList()
            : [TokenAuthenticator.DefaultAudience];
        var bound = BoundObjectOf(spec["boundObjectRef"] as JsonObject, ns, name);
        var expires = time.GetUtcNow().AddSeconds(seconds);
        var token = tokens.IssueForServiceAccount(new ServiceAccountToken(ns, name, (string)account["metadata"]!["uid"]!,
            Guid.NewGuid().ToString(), audiences, expires, bound));
        spec["audiences"] = new JsonArray(audiences.Select(audience => (JsonNode)audience).ToArray());
        spec["expirationSeconds"] = seconds;
        spec["boundObjectRef"] ??= null;
        await StatusResponses.WriteAsync(context, 201, new JsonObject
        {
            ["kind"] = "TokenRequest",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["creationTimestamp"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
            ["spec"] = spec.DeepClone(),
            ["status"] = new JsonObject
            {
                ["token"] = token,
                ["expirationTimestamp"] = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
        });
    }

    private BoundObject? BoundObjectOf(JsonObject? reference, string ns, string account)
    {
        if (reference is null)
        {
            return null;
        }
        var kind = (string?)reference["kind"] ?? "";
        var type = kind switch
        {
            "Pod" => BuiltInResourceTypes.Pods,
            "Secret" => BuiltInResourceTypes.Secrets,
            _ => throw ApiException.Invalid(Kind, account, "spec.boundObjectRef.kind", $"\"{kind}\"", "supported values: \"Pod\", \"Secret\""),
        };
        var objectName = (string?)reference["name"] ?? "";
        var stored = store.Get(type, ns, objectName) ?? throw ApiException.NotFound(type.Plural, objectName);
        var uid = (string)stored["metadata"]!["uid"]!;
        if ((string?)reference["uid"] is { Length: > 0 } expected && expected != uid)
        {
            throw new ApiException(409, "Conflict",
                $"the UID in the bound object reference ({expected}) does not match the UID in record. The object might have been deleted and then recreated");
        }
        return new BoundObject(kind, objectName, uid);
    }
}
