using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Stowage.LocalCluster.Manifests;

namespace Stowage.LocalCluster.Tests.Manifests;

/// <summary>ApplyManifestsAsync: multi-document YAML with only the release namespace templated, as our RBAC is shipped.</summary>
public sealed class ManifestTests : ApiServerTest
{
    // The shape of deploy/helm/stowage/templates/rbac.yaml with its range loop written out (the fake renders no loops).
    private const string Rbac = """
        # A writer role, bound to the release's service account.
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: stowage-writer
        rules:
          - apiGroups: [""]
            resources: ["pods/exec"]
            verbs: ["get", "create"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: stowage-mover
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: stowage-writer
        subjects:
          - kind: ServiceAccount
            name: stowage-mover
            namespace: {{ .Release.Namespace }}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: stowage-mover
          labels: {app: "{{ $.Release.Namespace }}"}
        ---
        """;

    protected override FakeKubernetesApiServerOptions Options => new() { Namespaces = ["default", "shop"], Authorization = true };

    [Fact]
    public async Task Shipped_rbac_applies_in_the_release_namespace_and_grants_its_service_account()
    {
        var applied = await Server.ApplyManifestsAsync(Rbac, "backup-system");

        Assert.Equal(["ClusterRole", "ClusterRoleBinding", "ServiceAccount"], applied.Select(obj => (string)obj["kind"]!));
        var account = Server.Get("v1", "ServiceAccount", "backup-system", "stowage-mover")!;
        Assert.Equal("backup-system", (string?)account["metadata"]!["labels"]!["app"]);
        Assert.Equal("backup-system", (string?)Server.Get("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "stowage-mover")!["subjects"]![0]!["namespace"]);

        var token = (await Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest(), "stowage-mover", "backup-system")).Status.Token;
        var review = await Client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = "system:serviceaccount:backup-system:stowage-mover",
                ResourceAttributes = new V1ResourceAttributes { Verb = "create", Resource = "pods", Subresource = "exec", NamespaceProperty = "shop" },
            },
        });
        Assert.True(review.Status.Allowed);
        using var mover = Server.CreateClient(token);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => mover.CoreV1.ListNamespacedPodAsync("shop"));
        Assert.Equal(HttpStatusCode.Forbidden, error.Response.StatusCode);
    }

    [Theory]
    [InlineData("{{- range $b := list 1 2 }}", 3)]
    [InlineData("{{ .Values.image }}", 3)]
    [InlineData("{{- .Release.Namespace }}", 3)]
    public async Task Any_other_template_syntax_is_refused_with_its_line_before_anything_is_applied(string syntax, int line)
    {
        var yaml = $"apiVersion: v1\nkind: ConfigMap\n{syntax}\nmetadata: {{name: first, namespace: shop}}\n";
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Server.ApplyManifestsAsync(yaml, "stowage"));

        Assert.Contains($"Line {line}:", error.Message);
        Assert.Contains(syntax, error.Message);
        Assert.Null(Server.Get("v1", "ConfigMap", "shop", "first"));
    }

    [Fact]
    public void Plain_scalars_are_typed_as_kubectl_types_them_and_quoted_ones_stay_strings()
    {
        var document = Assert.Single(YamlDocuments.Parse("""
            spec: {replicas: 2, paused: false, ratio: 0.5, old: yes, none: ~, quoted: "true", tagged: !!str 3, name: db}
            """));

        Assert.Equal("""{"spec":{"replicas":2,"paused":false,"ratio":0.5,"old":true,"none":null,"quoted":"true","tagged":"3","name":"db"}}""",
            document.ToJsonString());
    }

    [Fact]
    public async Task A_kind_the_server_does_not_serve_is_refused_before_anything_is_applied()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: early, namespace: shop}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";

        await Assert.ThrowsAsync<ArgumentException>(() => Server.ApplyManifestsAsync(yaml, "stowage"));
        Assert.Null(Server.Get("v1", "ConfigMap", "shop", "early"));
    }
}
