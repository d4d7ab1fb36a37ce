using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Stowage.LocalSidecar.Hosting;

namespace Stowage.LocalSidecar.PubSub;

/// One POST of an event to an app route, and what the app's answer means in daprd's terms.
internal static class AppEventSender
{
    public static async Task<(DeliveryOutcome Outcome, string Reason)> SendAsync(
        HttpClient appChannel, SidecarApp app, string route, PublishedEvent published, CancellationToken cancellationToken)
    {
        using var request = app.Call(HttpMethod.Post, route);
        request.Content = new ByteArrayContent(published.Body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(published.ContentType);
        try
        {
            using var response = await appChannel.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (DeliveryOutcome.Drop, "the app answered 404");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (DeliveryOutcome.Retry, $"the app answered {(int)response.StatusCode}");
            }

            return StatusOf(await response.Content.ReadAsStringAsync(cancellationToken)) switch
            {
                null or "SUCCESS" => (DeliveryOutcome.Success, "success"),
                "DROP" => (DeliveryOutcome.Drop, "the app answered DROP"),
                var other => (DeliveryOutcome.Retry, $"the app answered {other}"),
            };
        }
        catch (HttpRequestException exception)
        {
            return (DeliveryOutcome.Unreachable, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DeliveryOutcome.Retry, "the app did not answer in time");
        }
    }

    private static string? StatusOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("status", out var status)
                ? status.GetString()?.ToUpperInvariant()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
