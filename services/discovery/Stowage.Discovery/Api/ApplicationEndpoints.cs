using Stowage.Contracts.Discovery;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Api;

internal static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/", (ApplicationRegistry registry, string? @namespace, string? kind) => registry.List(@namespace, kind))
            .WithName("ListApplications")
            .WithSummary("Applications discovered in the cluster, optionally filtered by namespace and catalog kind.")
            .Produces<IReadOnlyList<ApplicationDescription>>();
        applications.MapGet("/{namespace}/{name}", (ApplicationRegistry registry, string @namespace, string name) =>
                registry.Find(@namespace, name) is { } application
                    ? Results.Ok(application)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Application not found",
                        detail: $"No application {@namespace}/{name} is known; GET /applications lists the discovered ones."))
            .WithName("GetApplication")
            .WithSummary("One application with its kind, volumes, hooks, members, suggested policy and protection status.")
            .Produces<ApplicationDescription>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/discovery/status", (DiscoveryStatusBoard board, CatalogProvider catalog) => new DiscoveryStatus(
                board.ClusterError, board.InitialSyncComplete, board.Watchers, board.UnreadableObjects,
                catalog.Current.Specific.Select(entry => entry.Name).Append(catalog.Current.Generic.Name).ToList(), board.CatalogProblems))
            .WithTags("Discovery")
            .WithName("GetDiscoveryStatus")
            .WithSummary("What discovery itself is doing: watchers, objects it could not read, catalog kinds and catalog files it skipped.")
            .Produces<DiscoveryStatus>();
        return routes;
    }
}
