using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Stowage.Contracts.Policies;
using Stowage.Policy.Domain;
using Stowage.Policy.Projections;
using Stowage.Testing.Dapr;

namespace Stowage.Policy.Tests.Api;

/// <summary>Every call is authenticated by TokenReview and authorized by SubjectAccessReview on stowage.io in the application's namespace.</summary>
[Collection(PolicyServiceCollection.Name)]
public sealed class PolicyAuthorizationTests(PolicyServiceFixture fixture)
{
    private HttpClient As(string? token) => AccessCluster.ClientFor(fixture.Client, token);

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();

    private static PolicySpec WithoutHooks(string app, string ns) => PolicySpecs.Valid(app, ns) with { Hooks = [] };

    [Fact]
    public async Task A_call_without_a_valid_token_is_answered_401_with_problem_details_and_changes_nothing()
    {
        using var anonymous = As(null);
        using var forged = As("not-a-token");

        using var none = await anonymous.PostAsJsonAsync("/policies", WithoutHooks("anon-db", "team-a"), Json.Options);
        using var invalid = await forged.GetAsync("/policies");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, invalid.StatusCode));
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Contains("not valid", await DetailAsync(invalid));
        var all = await fixture.Client.GetFromJsonAsync<PolicyPage>("/policies?application=anon-db", Json.Options);
        Assert.Equal(0, all!.Total);
    }

    [Fact]
    public async Task An_editor_of_one_namespace_creates_there_and_is_refused_403_naming_the_permission_elsewhere()
    {
        using var alice = As(await fixture.Cluster.UserAsync("alice", "stowage-edit", "authz-a"));

        using var own = await alice.PostAsJsonAsync("/policies", WithoutHooks("alice-db", "authz-a"), Json.Options);
        using var other = await alice.PostAsJsonAsync("/policies", WithoutHooks("alice-db", "authz-b"), Json.Options);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var problem = (await other.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("User \"alice\" may not create backuppolicies.stowage.io in namespace \"authz-b\".", problem["detail"]!.GetValue<string>());
        Assert.Equal("authz-b", problem["permission"]!["namespace"]!.GetValue<string>());
        var inB = await fixture.Client.GetFromJsonAsync<PolicyPage>("/policies?namespace=authz-b", Json.Options);
        Assert.Equal(0, inB!.Total);
    }

    [Fact]
    public async Task Hooks_need_the_callers_own_right_to_exec_in_the_namespaces_pods()
    {
        using var carol = As(await fixture.Cluster.UserAsync("carol", "stowage-edit", "authz-hooks"));

        using var refused = await carol.PostAsJsonAsync("/policies", PolicySpecs.Valid("hooked-db", "authz-hooks"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("create pods/exec in namespace \"authz-hooks\"", await DetailAsync(refused));

        await fixture.Cluster.Server.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "Role",
            ["metadata"] = new JsonObject { ["name"] = "exec", ["namespace"] = "authz-hooks" },
            ["rules"] = new JsonArray(new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("pods/exec"), ["verbs"] = new JsonArray("create") }),
        });
        await fixture.Cluster.Server.ApplyAsync(new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "RoleBinding",
            ["metadata"] = new JsonObject { ["name"] = "carol-exec", ["namespace"] = "authz-hooks" },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = "exec" },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "User", ["name"] = "carol", ["apiGroup"] = "rbac.authorization.k8s.io" }),
        });
        using var allowed = await carol.PostAsJsonAsync("/policies", PolicySpecs.Valid("hooked-db", "authz-hooks"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task A_viewer_lists_only_the_namespaces_they_may_see_and_may_not_change_them()
    {
        using var mine = await fixture.CreateAsync(WithoutHooks("viewed-db", "authz-view"));
        using var theirs = await fixture.CreateAsync(WithoutHooks("hidden-db", "authz-hidden"));
        var hidden = (await theirs.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;
        var shown = (await mine.Content.ReadFromJsonAsync<PolicyState>(Json.Options))!;
        using var bob = As(await fixture.Cluster.UserAsync("bob", "stowage-view", "authz-view"));

        var listed = await bob.GetFromJsonAsync<PolicyPage>("/policies", Json.Options);
        using var other = await bob.GetAsync($"/policies/{hidden.Id}");
        using var pause = await bob.PostAsync($"/policies/{shown.Id}/pause", null);

        Assert.Equal(["authz-view"], listed!.Items.Select(p => p.Spec.Application.Namespace).Distinct());
        Assert.Equal(listed.Items.Count, listed.Total);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pause.StatusCode);
        Assert.Contains("update backuppolicies.stowage.io", await DetailAsync(pause));
    }

    [Fact]
    public async Task A_policy_may_not_name_a_credentials_secret_in_another_namespace()
    {
        using var dana = As(await fixture.Cluster.UserAsync("dana", "stowage-edit", "authz-creds"));
        var spec = WithoutHooks("creds-db", "authz-creds");
        spec = spec with { Target = spec.Target with { Credentials = new CredentialsRef(SecretName: "backup-s3", SecretNamespace: "kube-system") } };

        using var response = await dana.PostAsJsonAsync("/policies", spec, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("\"kube-system\"", problem["errors"]!["target.credentials.secretNamespace"]![0]!.GetValue<string>());
    }
}
