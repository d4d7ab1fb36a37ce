using System.Text.Json.Nodes;

namespace Stowage.LocalCluster.Storage;

/// <summary>A failure the server answers with a Kubernetes <c>Status</c> object.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    /// <summary>The Status' <c>details</c>: name, group and kind of the object the failure is about.</summary>
    public JsonObject? Details { get; } = details;

    public static ApiException NotFound(string plural, string name) => new(404, "NotFound", $"{plural} \"{name}\" not found");

    public static ApiException AlreadyExists(string plural, string name) => new(409, "AlreadyExists", $"{plural} \"{name}\" already exists");

    public static ApiException Conflict(string plural, string name) => new(409, "Conflict",
        $"Operation cannot be fulfilled on {plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Expired(long requested, long oldest) => new(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    /// <summary>A 422 as field validation writes it: <c>TokenRequest.authentication.k8s.io "x" is invalid: spec.y: Invalid value: ...</c>.</summary>
    public static ApiException Invalid(string qualifiedKind, string name, string field, string value, string detail) => new(422, "Invalid",
        $"{qualifiedKind} \"{name}\" is invalid: {field}: Invalid value: {value}: {detail}");
}
