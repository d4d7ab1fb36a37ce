using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Http;
using Stowage.LocalCluster.Resources;
using Stowage.LocalCluster.Storage;

namespace Stowage.LocalCluster.Controllers;

/// <summary>
/// A delete's <c>propagationPolicy</c> (query or DeleteOptions body). Orphan removes the owner reference from the
/// object's dependents before it goes; Background and Foreground leave them to the garbage collector. batch/v1 Jobs
/// default to Orphan for compatibility, as a real API server does, so a client must ask for Background to delete a Job's pods.
/// </summary>
internal static class DeletePropagation
{
    public static async Task PrepareAsync(HttpContext context, ObjectStore store, ResourceTypeRegistry registry, ResourceRequest request)
    {
        var policy = (string?)context.Request.Query["propagationPolicy"];
        if (policy is null && context.Request.ContentLength is > 0)
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            policy = (string?)body?["propagationPolicy"]
                ?? (body?["orphanDependents"]?.GetValue<bool>() is { } orphan ? (orphan ? "Orphan" : "Background") : null);
        }
        policy ??= request.Type is { Group: "batch", Plural: "jobs" } ? "Orphan" : "Background";
        if (policy is not ("Orphan" or "Background" or "Foreground"))
        {
            throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        if (policy != "Orphan" || store.Get(request.Type, request.Namespace, request.Name!) is not { } owner)
        {
            return;
        }
        var uid = ObjectWrites.Uid(owner);
        foreach (var type in registry.All().Where(t => t.Namespaced).DistinctBy(t => (t.Group, t.Plural)))
        {
            foreach (var dependent in store.List(type, request.Namespace, LabelSelector.Everything, FieldSelector.Everything).Items.Where(d => ObjectWrites.IsOwnedBy(d, uid)))
            {
                ObjectWrites.Change(store, type, ObjectWrites.Namespace(dependent), ObjectWrites.Name(dependent), d =>
                {
                    var references = d["metadata"]!["ownerReferences"]!.AsArray();
                    foreach (var reference in references.Where(r => (string?)r?["uid"] == uid).ToList())
                    {
                        references.Remove(reference);
                    }
                });
            }
        }
    }
}
