using System.Text.Json.Nodes;

namespace Stowage.Mover.Runtime.Resources;

/// <summary>
/// Strips what belongs to one cluster (ids, versions, status, bindings, assigned addresses) so a resource can be
/// created again in another namespace or cluster.
/// </summary>
public static class ResourceCleaner
{
    private static readonly string[] MetadataFields =
        ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink", "ownerReferences", "deletionTimestamp", "namespace"];

    private static readonly string[] ClusterAnnotationPrefixes =
        ["pv.kubernetes.io/", "volume.kubernetes.io/", "volume.beta.kubernetes.io/", "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/"];

    public static JsonObject Clean(JsonObject resource)
    {
        var clean = resource.DeepClone().AsObject();
        clean.Remove("status");
        if (clean["metadata"] is JsonObject metadata)
        {
            foreach (var field in MetadataFields) metadata.Remove(field);
            if (metadata["annotations"] is JsonObject annotations)
            {
                foreach (var key in annotations.Select(a => a.Key).Where(k => ClusterAnnotationPrefixes.Any(k.StartsWith)).ToList())
                {
                    annotations.Remove(key);
                }
            }
        }
        var spec = clean["spec"] as JsonObject;
        switch ((string?)clean["kind"])
        {
            case "PersistentVolumeClaim":
                spec?.Remove("volumeName");
                break;
            case "Service":
                spec?.Remove("clusterIP");
                spec?.Remove("clusterIPs");
                if (spec?["ports"] is JsonArray ports)
                {
                    foreach (var port in ports.OfType<JsonObject>()) port.Remove("nodePort");
                }
                break;
        }
        return clean;
    }
}
