using Stowage.Discovery.Domain.Catalog;
using Stowage.Discovery.Runtime;

namespace Stowage.Discovery.Tests.Domain;

internal static class BuiltInCatalog
{
    public static ApplicationCatalog Load() => CatalogLoader.Load([CatalogProvider.BuiltInFolder]);
}
