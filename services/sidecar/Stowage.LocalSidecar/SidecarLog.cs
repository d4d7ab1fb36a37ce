using Microsoft.Extensions.Logging;

namespace Stowage.LocalSidecar;

internal static partial class SidecarLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "App {AppId}: loaded {Count} subscriptions")]
    public static partial void SubscriptionsLoaded(this ILogger logger, string appId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "App {AppId}: GET /dapr/subscribe answered JSON the sidecar cannot read: {Reason}")]
    public static partial void SubscriptionsUnreadable(this ILogger logger, string appId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "App {AppId}: event {EventId} on {Topic} not delivered yet (attempt {Attempt}): {Reason}")]
    public static partial void DeliveryRetry(this ILogger logger, string appId, string eventId, string topic, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "App {AppId}: event {EventId} on {Topic} dropped: {Reason}")]
    public static partial void DeliveryDropped(this ILogger logger, string appId, string eventId, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "App {AppId}: event {EventId} on {Topic} sent to dead-letter topic {DeadLetterTopic}")]
    public static partial void DeliveryDeadLettered(this ILogger logger, string appId, string eventId, string topic, string deadLetterTopic);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {AppId}: sidecar gRPC on {GrpcEndpoint}, HTTP on {HttpEndpoint}, app channel port {AppPort}")]
    public static partial void AppSidecarStarted(this ILogger logger, string appId, string grpcEndpoint, string httpEndpoint, int appPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {AppId}: workflow worker connected")]
    public static partial void WorkflowWorkerConnected(this ILogger logger, string appId);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {AppId}: workflow worker disconnected; {Pending} work items go back to the queue")]
    public static partial void WorkflowWorkerDisconnected(this ILogger logger, string appId, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store {Store}: transactions publish through the outbox to {PubSub}/{Topic}")]
    public static partial void OutboxEnabled(this ILogger logger, string store, string pubSub, string topic);
}
