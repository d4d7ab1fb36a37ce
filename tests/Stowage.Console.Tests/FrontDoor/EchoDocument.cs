namespace Stowage.Console.Tests.FrontDoor;

/// <summary>A service's OpenAPI document as the echo apps serve it: one GET per prefix, plus routes the front door must leave out.</summary>
internal static class EchoDocument
{
    public static object For(string appId, IEnumerable<string> prefixes)
    {
        var paths = prefixes.ToDictionary(p => p, p => (object)new Dictionary<string, object>
        {
            ["get"] = new { operationId = $"{appId}{p.Replace('/', '-')}", responses = new Dictionary<string, object> { ["200"] = new { description = "OK" } } },
        });
        paths["/admin/projections/rebuild"] = new Dictionary<string, object> { ["post"] = new { responses = new Dictionary<string, object>() } };
        paths["/healthz"] = new Dictionary<string, object> { ["get"] = new { responses = new Dictionary<string, object>() } };
        return new { openapi = "3.1.1", info = new { title = appId, version = "v1" }, paths };
    }
}
