using Microsoft.AspNetCore.Http;
using Stowage.LocalCluster.Authorization;

namespace Stowage.LocalCluster.Tests.Authorization;

public sealed class RequestAttributesTests
{
    private static RequestAttributes Of(string method, string pathAndQuery)
    {
        var context = new DefaultHttpContext();
        var parts = pathAndQuery.Split('?', 2);
        context.Request.Method = method;
        context.Request.Path = parts[0];
        context.Request.QueryString = parts.Length > 1 ? new QueryString("?" + parts[1]) : QueryString.Empty;
        return RequestAttributes.Of(context.Request);
    }

    [Theory]
    [InlineData("GET", "/api/v1/namespaces/shop/pods", "list", "")]
    [InlineData("GET", "/api/v1/namespaces/shop/pods?watch=true", "watch", "")]
    [InlineData("GET", "/api/v1/namespaces/shop/pods?watch=true&fieldSelector=metadata.name%3Ddb-0", "watch", "db-0")]
    [InlineData("GET", "/api/v1/namespaces/shop/pods/db-0", "get", "db-0")]
    [InlineData("POST", "/api/v1/namespaces/shop/pods", "create", "")]
    [InlineData("PUT", "/api/v1/namespaces/shop/pods/db-0", "update", "db-0")]
    [InlineData("PATCH", "/api/v1/namespaces/shop/pods/db-0", "patch", "db-0")]
    [InlineData("DELETE", "/api/v1/namespaces/shop/pods/db-0", "delete", "db-0")]
    [InlineData("DELETE", "/api/v1/namespaces/shop/pods", "deletecollection", "")]
    public void Methods_map_to_verbs_as_the_apiserver_maps_them(string method, string path, string verb, string name)
    {
        var request = Of(method, path);
        Assert.Equal((true, verb, "pods", "shop", name), (request.IsResourceRequest, request.Verb, request.Resource, request.Namespace, request.Name));
    }

    [Fact]
    public void Subresources_groups_and_cluster_scope_are_read_from_the_path()
    {
        Assert.Equal(new RequestAttributes("create", true, "", "v1", "pods", "exec", "shop", "db-0", "/api/v1/namespaces/shop/pods/db-0/exec"),
            Of("POST", "/api/v1/namespaces/shop/pods/db-0/exec"));
        Assert.Equal(("update", "apps", "statefulsets", "scale"), Of("PUT", "/apis/apps/v1/namespaces/shop/statefulsets/db/scale") is var s
            ? (s.Verb, s.Group, s.Resource, s.Subresource) : default);
        Assert.Equal(("list", "nodes", ""), Of("GET", "/api/v1/nodes") is var n ? (n.Verb, n.Resource, n.Namespace) : default);
        // A namespace is in its own namespace, as RequestInfo has it, and namespaces/{ns}/status is its subresource.
        Assert.Equal(("namespaces", "shop", "shop", "status"), Of("PUT", "/api/v1/namespaces/shop/status") is var ns
            ? (ns.Resource, ns.Name, ns.Namespace, ns.Subresource) : default);
    }

    [Theory]
    [InlineData("/version")]
    [InlineData("/api")]
    [InlineData("/api/v1")]
    [InlineData("/apis/apps")]
    [InlineData("/apis/apps/v1")]
    public void Discovery_paths_are_non_resource_requests(string path)
    {
        var request = Of("GET", path);
        Assert.Equal((false, "get", path), (request.IsResourceRequest, request.Verb, request.Path));
    }
}
