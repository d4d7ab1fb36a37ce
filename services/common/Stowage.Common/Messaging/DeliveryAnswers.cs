using Microsoft.AspNetCore.Http;

namespace Stowage.Common.Messaging;

/// <summary>
/// What a subscriber answers Dapr pub/sub beside plain success: HTTP 200 with a status in the body (daprd and the local
/// sidecar read it alike; any non-2xx but 404 would be retried too, but logged by daprd as an error).
/// </summary>
internal static class DeliveryAnswers
{
    public static readonly IResult Retry = Results.Json(new { status = "RETRY" });
}
