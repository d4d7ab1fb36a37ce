using Stowage.Common.Access;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Api;

internal static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/applications").WithTags("Applications");
        applications.MapGet("/", async (ApplicationRegistry registry, CallerAccess access, string? @namespace, string? kind, CancellationToken ct) =>
                await access.VisibleAsync(registry.List(@namespace, kind), a => a.Namespace, StowageResources.SeePolicies, ct))
            .WithName("ListApplications")
            .WithSummary("Applications discovered in the cluster that the caller may see, optionally filtered by namespace and catalog kind.")
            .Produces<IReadOnlyList<ApplicationDescription>>();
        applications.MapGet("/{namespace}/{name}", GetAsync)
            .WithName("GetApplication")
            .WithSummary("One application with its kind, volumes, hooks, members, suggested policy and protection status.")
            .Produces<ApplicationDescription>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/discovery/status", async (DiscoveryStatusBoard board, CatalogProvider catalog, CallerAccess access, CancellationToken ct) =>
            {
                // It names objects of every namespace: for those who see every namespace.
                await access.RequireAsync(ct, StowageResources.SeePolicies(null));
                return new DiscoveryStatus(board.ClusterError, board.InitialSyncComplete, board.Watchers, board.UnreadableObjects,
                    catalog.Current.Specific.Select(entry => entry.Name).Append(catalog.Current.Generic.Name).ToList(), board.CatalogProblems);
            })
            .WithTags("Discovery")
            .WithName("GetDiscoveryStatus")
            .WithSummary("What discovery itself is doing: watchers, objects it could not read, catalog kinds and catalog files it skipped.")
            .Produces<DiscoveryStatus>();
        return routes;
    }

    private static async Task<IResult> GetAsync(ApplicationRegistry registry, CallerAccess access, string @namespace, string name, CancellationToken ct)
    {
        await access.RequireAsync(ct, StowageResources.SeePolicies(@namespace));
        return registry.Find(@namespace, name) is { } application
            ? Results.Ok(application)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Application not found",
                detail: $"No application {@namespace}/{name} is known; GET /applications lists the discovered ones.");
    }
}
