using System.Globalization;

namespace Stowage.LocalSidecar.Hosting;

/// Reads <c>--app id=appPort [--app ...] [--grpc-port N] [--http-port M] [--state memory|sqlite:PATH] [--components DIR] [--outbox store=pubsub/topic ...]</c>.
/// The i-th app (from 0) gets gRPC port N+i and HTTP port M+i; without them, free ports are picked. Every app gets the
/// given tokens (the command takes APP_API_TOKEN and DAPR_API_TOKEN from its environment, as daprd does).
internal static class SidecarCommandLine
{
    public static LocalSidecarOptions Parse(IReadOnlyList<string> args, SidecarTokens tokens)
    {
        var apps = new List<(string AppId, int AppPort)>();
        int grpcBase = 0, httpBase = 0;
        string? sqlitePath = null;
        var outboxes = new Dictionary<string, OutboxRoute>();
        string? componentsDirectory = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--app":
                    var parts = value.Split('=', 2);
                    apps.Add((parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)));
                    break;
                case "--grpc-port":
                    grpcBase = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--http-port":
                    httpBase = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--state":
                    sqlitePath = value.StartsWith("sqlite:", StringComparison.Ordinal) ? value["sqlite:".Length..]
                        : value == "memory" ? null : throw new ArgumentException($"unknown state store '{value}'");
                    break;
                case "--components":
                    componentsDirectory = value;
                    break;
                case "--outbox":
                    var (store, target) = (value.Split('=', 2)[0], value.Split('=', 2)[1].Split('/', 2));
                    outboxes[store] = new OutboxRoute(target[0], target[1]);
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }

            i++;
        }

        if (apps.Count == 0)
        {
            throw new ArgumentException("at least one --app id=port is needed");
        }

        var options = new LocalSidecarOptions { SqlitePath = sqlitePath };
        if (componentsDirectory is not null)
        {
            options.UseOutboxesOfComponents(componentsDirectory).UseTopicScopesOfComponents(componentsDirectory);
        }

        foreach (var (store, route) in outboxes)
        {
            options.Outboxes[store] = route;
        }

        for (var index = 0; index < apps.Count; index++)
        {
            options.Apps.Add(new LocalSidecarAppOptions(
                apps[index].AppId, apps[index].AppPort, grpcBase == 0 ? 0 : grpcBase + index, httpBase == 0 ? 0 : httpBase + index, tokens));
        }

        return options;
    }
}
