using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Stowage.LocalCluster.Tests.Authentication;

/// <summary>Tokens as TokenReview reports them, through KubernetesClient's AuthenticationV1, and the TokenRequest API.</summary>
public sealed class TokenReviewTests() : ApiServerTest("stowage")
{
    private async Task<V1TokenReviewStatus> ReviewAsync(string token, params string[] audiences)
    {
        var review = await Client.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview
        {
            Spec = new V1TokenReviewSpec { Token = token, Audiences = audiences.Length > 0 ? audiences : null },
        });
        Assert.Equal(("TokenReview", "authentication.k8s.io/v1"), (review.Kind, review.ApiVersion));
        return review.Status;
    }

    private Task<Authenticationv1TokenRequest> RequestTokenAsync(string account, long? seconds = null, string[]? audiences = null) =>
        Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec { ExpirationSeconds = seconds, Audiences = audiences },
        }, account, "stowage");

    private Task<V1ServiceAccount> CreateAccountAsync(string name) =>
        Client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, "stowage");

    [Fact]
    public async Task The_admin_token_is_kubernetes_admin_in_system_masters()
    {
        var status = await ReviewAsync(Server.AdminToken);
        Assert.True(status.Authenticated);
        Assert.Equal("kubernetes-admin", status.User.Username);
        Assert.Equal(["system:masters", "system:authenticated"], status.User.Groups);
        Assert.Equal(["https://kubernetes.default.svc.cluster.local"], status.Audiences);
    }

    [Fact]
    public async Task An_issued_token_is_its_user_with_its_groups_and_an_unknown_token_is_not_authenticated()
    {
        var status = await ReviewAsync(Server.IssueToken("alice", "team-a"));
        Assert.Equal("alice", status.User.Username);
        Assert.Equal(["team-a", "system:authenticated"], status.User.Groups);

        var unknown = await ReviewAsync("not-a-token");
        Assert.NotEqual(true, unknown.Authenticated);
        Assert.Null(unknown.User.Username);
        Assert.Contains("invalid bearer token", unknown.Error);
    }

    [Fact]
    public async Task A_service_account_token_is_the_account_until_the_account_is_deleted_even_if_it_comes_back()
    {
        var account = await CreateAccountAsync("stowage-mover");
        var request = await RequestTokenAsync("stowage-mover");
        Assert.Equal(3600, request.Spec.ExpirationSeconds);
        Assert.True(request.Status.ExpirationTimestamp > DateTime.UtcNow.AddMinutes(59));

        var status = await ReviewAsync(request.Status.Token);
        Assert.True(status.Authenticated);
        Assert.Equal("system:serviceaccount:stowage:stowage-mover", status.User.Username);
        Assert.Equal(account.Metadata.Uid, status.User.Uid);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:stowage", "system:authenticated"], status.User.Groups);
        Assert.StartsWith("JTI=", Assert.Single(status.User.Extra["authentication.kubernetes.io/credential-id"]));

        await Client.CoreV1.DeleteNamespacedServiceAccountAsync("stowage-mover", "stowage");
        Assert.NotEqual(true, (await ReviewAsync(request.Status.Token)).Authenticated);
        await CreateAccountAsync("stowage-mover");
        Assert.NotEqual(true, (await ReviewAsync(request.Status.Token)).Authenticated);
        Assert.True((await ReviewAsync((await RequestTokenAsync("stowage-mover")).Status.Token)).Authenticated);
    }

    [Fact]
    public async Task A_token_for_a_missing_account_or_shorter_than_ten_minutes_is_refused()
    {
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => RequestTokenAsync("nobody"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("serviceaccounts \\\"nobody\\\" not found", missing.Response.Content);

        await CreateAccountAsync("short");
        var tooShort = await Assert.ThrowsAsync<HttpOperationException>(() => RequestTokenAsync("short", seconds: 599));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.Response.StatusCode);
    }

    [Fact]
    public async Task A_token_is_good_for_its_audiences_only()
    {
        await CreateAccountAsync("console");
        var token = (await RequestTokenAsync("console", audiences: ["stowage-console"])).Status.Token;

        Assert.True((await ReviewAsync(token, "stowage-console")).Authenticated);
        Assert.Equal(["stowage-console"], (await ReviewAsync(token, "stowage-console", "other")).Audiences);
        Assert.NotEqual(true, (await ReviewAsync(token)).Authenticated);
        Assert.NotEqual(true, (await ReviewAsync(token, "other")).Authenticated);
    }

    [Fact]
    public async Task A_token_bound_to_a_pod_dies_with_the_pod_and_names_it()
    {
        await CreateAccountAsync("job");
        var pod = await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "job-0" },
            Spec = new V1PodSpec { ServiceAccountName = "job", Containers = [new V1Container { Name = "main", Image = "x" }] },
        }, "stowage");
        var request = await Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec { BoundObjectRef = new V1BoundObjectReference { Kind = "Pod", ApiVersion = "v1", Name = "job-0", Uid = pod.Metadata.Uid } },
        }, "job", "stowage");

        var status = await ReviewAsync(request.Status.Token);
        Assert.Equal(["job-0"], status.User.Extra["authentication.kubernetes.io/pod-name"]);
        await Client.CoreV1.DeleteNamespacedPodAsync("job-0", "stowage");
        Assert.NotEqual(true, (await ReviewAsync(request.Status.Token)).Authenticated);
    }
}
