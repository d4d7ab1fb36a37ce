using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stowage.Cli.Tests;

/// <summary>
/// A real HTTP server on loopback that answers the front door's routes the CLI uses, with the services' shapes
/// (problem details included). A backup run reads 40 MiB more each time it is looked at, then succeeds; a restore
/// takes three looks. It records every request with its Authorization header.
/// </summary>
public sealed class FakeApi : IAsyncDisposable
{
    private readonly WebApplication web;
    private readonly ConcurrentDictionary<string, JsonObject> policies = new();
    private readonly ConcurrentDictionary<string, int> runLooks = new();
    private readonly ConcurrentDictionary<string, int> restoreLooks = new();
    private readonly ConcurrentDictionary<string, JsonObject> runs = new();

    public const long BytesPerLook = 40L << 20;
    public const int LooksPerRun = 4;

    private FakeApi(WebApplication web) => this.web = web;

    public string Url => web.Urls.First();

    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, string? Body)> Requests { get; } = new();

    public static async Task<FakeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var api = new FakeApi(builder.Build());
        api.Map();
        await api.web.StartAsync();
        return api;
    }

    /// <summary>A policy as the policy service holds it, with one earlier successful run of <paramref name="sourceBytes"/>.</summary>
    public string AddPolicy(string ns, string application, long sourceBytes = 4 * BytesPerLook)
    {
        var id = $"p{policies.Count + 1:000}";
        policies[id] = Policy(id, JsonNode.Parse($$$"""
            {"application":{"namespace":"{{{ns}}}","name":"{{{application}}}"},
             "target":{"provider":"s3","bucket":"backups","prefix":"{{{ns}}}","endpoint":"http://s3.local","credentials":{"secretName":"s3"}},
             "schedule":{"interval":"1h"},"retention":{"keepLast":7}}
            """)!.AsObject(), "active");
        runs[$"{id}-r0"] = Run($"{id}-r0", id, $"{ns}/{application}", "scheduled", "Succeeded", sourceBytes);
        return id;
    }

    private static JsonObject Policy(string id, JsonObject spec, string status) => new()
    {
        ["id"] = id, ["version"] = 1, ["spec"] = spec, ["status"] = status, ["orphaned"] = false,
        ["createdAt"] = "2026-12-01T10:00:00+00:00", ["updatedAt"] = "2026-12-01T10:00:00+00:00",
    };

    private static JsonObject Run(string runId, string policyId, string application, string trigger, string state, long sourceBytes) => new()
    {
        ["runId"] = runId, ["policyId"] = policyId, ["application"] = application, ["trigger"] = trigger,
        ["requestedAt"] = DateTimeOffset.UtcNow.ToString("O"), ["state"] = state,
        ["volumes"] = new JsonArray(new JsonObject { ["volume"] = "data", ["succeeded"] = true, ["bytesAdded"] = 1024, ["sourceBytes"] = sourceBytes }),
    };

    private void Map()
    {
        web.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault(), body));
            await next(context);
        });
        web.MapPost("/policies", async (HttpRequest request, bool? paused) =>
        {
            var spec = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            var bucket = spec["target"]?["bucket"]?.GetValue<string>() ?? "";
            if (bucket.Length < 3)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["target.bucket"] = ["'bucket' must be between 3 and 63 characters."] }, title: "One or more fields are invalid.");
            var id = $"p{policies.Count + 1:000}";
            policies[id] = Policy(id, spec, paused == true ? "paused" : "active");
            return Results.Created($"/policies/{id}", policies[id]);
        });
        web.MapGet("/policies", (string? @namespace, string? application) => Results.Json(new
        {
            items = policies.Values.Where(p => (@namespace is null || p["spec"]!["application"]!["namespace"]!.GetValue<string>() == @namespace)
                && (application is null || p["spec"]!["application"]!["name"]!.GetValue<string>() == application)).OrderBy(p => p["id"]!.GetValue<string>()),
            page = 1, pageSize = 500, total = policies.Count,
        }));
        web.MapGet("/policies/{id}", (string id) => policies.TryGetValue(id, out var p) ? Results.Json(p) : NotFound($"No policy '{id}'."));
        web.MapPost("/policies/{id}/{change}", (string id, string change) =>
        {
            if (!policies.TryGetValue(id, out var p)) return NotFound($"No policy '{id}'.");
            p["status"] = change == "pause" ? "paused" : "active";
            return Results.Json(p);
        });
        web.MapDelete("/policies/{id}", (string id) => policies.TryRemove(id, out _) ? Results.NoContent() : NotFound($"No policy '{id}'."));
        web.MapPost("/schedules/{id}/run-now", (string id) =>
        {
            if (!policies.TryGetValue(id, out var p) || p["status"]!.GetValue<string>() != "active")
                return Results.Problem($"Policy '{id}' has no running schedule: resume it first, or check the id.", statusCode: 409);
            var runId = $"{id}-r{runs.Count(r => r.Value["policyId"]!.GetValue<string>() == id)}";
            var application = $"{p["spec"]!["application"]!["namespace"]}/{p["spec"]!["application"]!["name"]}";
            runs[runId] = Run(runId, id, application, "manual", "Queued", 0);
            return Results.Accepted($"/schedules/{id}");
        });
        web.MapGet("/runs", (string? policyId) => Results.Json(runs.Values.Where(r => policyId is null || r["policyId"]!.GetValue<string>() == policyId)));
        web.MapGet("/runs/{runId}", (string runId) =>
        {
            if (!runs.ContainsKey(runId)) return NotFound($"No backup run '{runId}'.");
            var look = runLooks.AddOrUpdate(runId, 1, (_, n) => n + 1);
            var done = look >= LooksPerRun;
            if (done)
            {
                // What backup.finished writes into the history.
                runs[runId]["state"] = Broken(runId) ? "Failed" : "Succeeded";
                runs[runId]["reason"] = Broken(runId) ? "pre-copy hook failed: exit 3" : null;
                runs[runId]["finishedAt"] = DateTimeOffset.UtcNow.ToString("O");
            }
            return Results.Json(new
            {
                runId,
                runtimeStatus = done ? "Completed" : "Running",
                status = new { step = done ? "done" : "copying", volumesDone = done ? 1 : 0, volumesTotal = 1 },
                // A run whose copy reports nothing: no progress at all; a settled one's, like the mover's, none once it is over.
                progress = Quiet(runId) || (done && Settled(runId)) ? null : new { step = "copying data", bytesProcessed = Math.Min(look, LooksPerRun) * BytesPerLook, at = DateTimeOffset.UtcNow },
                outcome = done ? (Broken(runId) ? "Failed" : "Succeeded") : null,
                failure = (string?)null,
            });
        });
        web.MapPost("/restores", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (body["target"] is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["target"] = ["'target' must not be empty."] });
            var id = $"restore-{restoreLooks.Count + 1}";
            restoreLooks[id] = 0;
            return Results.Accepted($"/restores/{id}", new { restoreId = id });
        });
        web.MapGet("/restores/{id}", (string id) =>
        {
            if (!restoreLooks.ContainsKey(id)) return NotFound($"No restore '{id}'.");
            var look = restoreLooks.AddOrUpdate(id, 1, (_, n) => n + 1);
            var done = look >= 3;
            return Results.Json(new
            {
                restoreId = id,
                runtimeStatus = done ? "Completed" : "Running",
                status = new { step = done ? "Succeeded" : "restoring data", volumesDone = done ? 1 : 0, volumesTotal = 1 },
                report = done ? new
                {
                    restoreId = id, runId = "p001-r0", outcome = "Succeeded", reason = (string?)null,
                    resources = new[] { new { kind = "StatefulSet", name = "orders-db", succeeded = true, detail = (string?)null } },
                    volumes = new[] { new { kind = "Volume", name = "data", succeeded = true, detail = (string?)"24 files" } },
                } : null,
            });
        });
    }

    // The application named "broken" fails its backups.
    private bool Broken(string runId) => runs[runId]["application"]!.GetValue<string>().EndsWith("/broken", StringComparison.Ordinal);

    private bool Quiet(string runId) => runs[runId]["application"]!.GetValue<string>().EndsWith("/quiet", StringComparison.Ordinal);

    private bool Settled(string runId) => runs[runId]["application"]!.GetValue<string>().EndsWith("/settled", StringComparison.Ordinal);

    private static IResult NotFound(string detail) => Results.Problem(detail, statusCode: 404);

    public async ValueTask DisposeAsync() => await web.DisposeAsync();
}
