using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using static Stowage.LocalCluster.Tests.Authorization.RbacObjects;

namespace Stowage.LocalCluster.Tests.Authorization;

/// <summary>With Authorization on, every request is authenticated (401) and authorized by RBAC (403), as an apiserver does it.</summary>
public sealed class EnforcementTests : ApiServerTest
{
    protected override FakeKubernetesApiServerOptions Options => new() { Namespaces = ["default", "stowage", "shop"], Authorization = true };

    private async Task<string> ServiceAccountTokenAsync(string ns, string name)
    {
        await Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, ns);
        return (await Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest(), name, ns)).Status.Token;
    }

    private async Task<(HttpStatusCode Code, JsonObject Body)> SendAsync(HttpMethod method, string path, string? token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Url) };
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private Task CreatePodAsync(string ns, string name) => Server.ApplyAsync(new V1Pod
    {
        ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "db" }] },
    });

    [Fact]
    public async Task A_request_without_a_valid_token_is_unauthorized()
    {
        var (code, body) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/shop/pods", null);
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""",
            body.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/version", "forged")).Code);

        using var forged = Server.CreateClient("forged");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => forged.CoreV1.ListNamespacedPodAsync("shop"));
        Assert.Equal(HttpStatusCode.Unauthorized, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_denied_request_is_forbidden_with_the_apiservers_message_and_details()
    {
        await CreatePodAsync("shop", "db-0");
        var mover = await ServiceAccountTokenAsync("stowage", "stowage-mover");

        var (code, body) = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop/pods/db-0/exec?command=ls", mover);
        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("pods \"db-0\" is forbidden: User \"system:serviceaccount:stowage:stowage-mover\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"shop\"",
            (string?)body["message"]);
        Assert.Equal(("Forbidden", 403), ((string?)body["reason"], (int?)body["code"]));
        Assert.Equal("""{"name":"db-0","kind":"pods"}""", body["details"]!.ToJsonString());

        var (_, list) = await SendAsync(HttpMethod.Get, "/apis/apps/v1/statefulsets", mover);
        Assert.Equal("statefulsets.apps is forbidden: User \"system:serviceaccount:stowage:stowage-mover\" cannot list resource \"statefulsets\" in API group \"apps\" at the cluster scope",
            (string?)list["message"]);
    }

    [Fact]
    public async Task A_role_binding_allows_exactly_what_its_role_grants_where_it_is()
    {
        await CreatePodAsync("shop", "db-0");
        using var alice = Server.CreateClient(Server.IssueToken("alice"));
        // Discovery is every authenticated user's (system:discovery); reading pods is not, until bound.
        Assert.NotEmpty((await alice.CoreV1.GetAPIResourcesAsync()).Resources);
        var before = await Assert.ThrowsAsync<HttpOperationException>(() => alice.CoreV1.ListNamespacedPodAsync("shop"));
        Assert.Equal(HttpStatusCode.Forbidden, before.Response.StatusCode);

        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "alice-views", "ClusterRole", "view", User("alice")), "shop");

        Assert.Equal("db-0", Assert.Single((await alice.CoreV1.ListNamespacedPodAsync("shop")).Items).Metadata.Name);
        Assert.Equal("db-0", (await alice.CoreV1.ReadNamespacedPodAsync("db-0", "shop")).Metadata.Name);
        var forbidden = new Func<Task>[]
        {
            () => alice.CoreV1.DeleteNamespacedPodAsync("db-0", "shop"),
            () => alice.CoreV1.ListNamespacedSecretAsync("shop"),
            () => alice.CoreV1.ListNamespacedPodAsync("stowage"),
            () => alice.CoreV1.ListPodForAllNamespacesAsync(),
        };
        foreach (var call in forbidden)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<HttpOperationException>(call)).Response.StatusCode);
        }
    }

    [Fact]
    public async Task A_watch_needs_the_watch_verb()
    {
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "list-only", Rule("", ["configmaps"], ["list"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(RoleBinding("shop", "bob-lists", "Role", "list-only", User("bob")), "shop");
        var bob = Server.IssueToken("bob");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/v1/namespaces/shop/configmaps", bob)).Code);
        var (code, body) = await SendAsync(HttpMethod.Get, "/api/v1/namespaces/shop/configmaps?watch=true", bob);
        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Contains("cannot watch resource \"configmaps\"", (string?)body["message"]);
    }

    [Fact]
    public async Task A_websocket_exec_needs_get_and_create_on_pods_exec()
    {
        await CreatePodAsync("shop", "db-0");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(Role("shop", "exec-create", Rule("", ["pods/exec"], ["create"])), "shop");
        await Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            RoleBinding("shop", "mover-exec", "Role", "exec-create", ServiceAccount("stowage-mover", "stowage")), "shop");
        using var mover = Server.CreateClient(await ServiceAccountTokenAsync("stowage", "stowage-mover"));

        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => ExecAsync(mover))).Message);
        await Client.RbacAuthorizationV1.ReplaceNamespacedRoleAsync(Role("shop", "exec-create", Rule("", ["pods/exec"], ["get"])), "exec-create", "shop");
        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => ExecAsync(mover))).Message);

        await Client.RbacAuthorizationV1.ReplaceNamespacedRoleAsync(Role("shop", "exec-create", Rule("", ["pods/exec"], ["get", "create"])), "exec-create", "shop");
        Assert.Equal(0, await ExecAsync(mover));
        Assert.Equal(["true"], Assert.Single(Server.ExecCalls).Command);
    }

    private static Task<int> ExecAsync(IKubernetes client) =>
        client.NamespacedPodExecAsync("db-0", "shop", "main", ["true"], false, (_, _, _) => Task.CompletedTask, CancellationToken.None);

    [Fact]
    public async Task A_service_account_token_works_while_the_account_exists()
    {
        await Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(ClusterRoleBinding("console-reviews", "system:auth-delegator", ServiceAccount("stowage-console", "stowage")));
        var token = await ServiceAccountTokenAsync("stowage", "stowage-console");
        using var console = Server.CreateClient(token);

        var review = await console.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = Server.IssueToken("viewer") } });
        Assert.Equal("viewer", review.Status.User.Username);
        using var viewer = Server.CreateClient(Server.IssueToken("viewer"));
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() =>
            viewer.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);

        await Client.CoreV1.DeleteNamespacedServiceAccountAsync("stowage-console", "stowage");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() =>
            console.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }));
        Assert.Equal(HttpStatusCode.Unauthorized, gone.Response.StatusCode);
    }
}
