namespace Stowage.Console.Observability;

internal static partial class ConsoleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Event}: no application is known for {Kind} {Key}")]
    public static partial void UnknownOwner(ILogger logger, string @event, string kind, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} answered {Status} to {Method} {Path}")]
    public static partial void ServiceRefused(ILogger logger, string service, int status, string method, string path);
}
