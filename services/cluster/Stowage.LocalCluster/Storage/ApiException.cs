namespace Stowage.LocalCluster.Storage;

/// <summary>A failure the server answers with a Kubernetes <c>Status</c> object.</summary>
internal sealed class ApiException(int code, string reason, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public static ApiException NotFound(string plural, string name) => new(404, "NotFound", $"{plural} \"{name}\" not found");

    public static ApiException AlreadyExists(string plural, string name) => new(409, "AlreadyExists", $"{plural} \"{name}\" already exists");

    public static ApiException Conflict(string plural, string name) => new(409, "Conflict",
        $"Operation cannot be fulfilled on {plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Expired(long requested, long oldest) => new(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Forbidden(string verb, string plural, string group, string ns) => new(403, "Forbidden",
        $"{plural} is forbidden: User \"system:serviceaccount:stowage:discovery\" cannot {verb} resource \"{plural}\" in API group \"{group}\" in the namespace \"{ns}\"");
}
