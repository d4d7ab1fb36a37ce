using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Stowage.Discovery.Tests.FakeKubernetes;

public sealed class FakeServerResourceTests(FakeServerFixture fixture) : IClassFixture<FakeServerFixture>
{
    [Fact]
    public async Task Lists_filter_by_label_selector_and_metadata_name()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(PodFactory.Pod("selectors", "db-0", new Dictionary<string, string> { ["app"] = "db", ["tier"] = "data" }));
        await server.ApplyAsync(PodFactory.Pod("selectors", "web-0", new Dictionary<string, string> { ["app"] = "web" }));

        var byLabel = await client.CoreV1.ListNamespacedPodAsync("selectors", labelSelector: "app in (db,cache),tier");
        var byName = await client.CoreV1.ListNamespacedPodAsync("selectors", fieldSelector: "metadata.name=web-0");
        var notDb = await client.CoreV1.ListNamespacedPodAsync("selectors", labelSelector: "app!=db");

        Assert.Equal(["db-0"], byLabel.Items.Select(pod => pod.Name()));
        Assert.Equal(["web-0"], byName.Items.Select(pod => pod.Name()));
        Assert.Equal(["web-0"], notDb.Items.Select(pod => pod.Name()));
        Assert.False(string.IsNullOrEmpty(byLabel.ResourceVersion()));
    }

    [Fact]
    public async Task Create_replace_patch_and_delete_behave_like_the_api_server()
    {
        using var client = fixture.Server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "crud" } });
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "crud");

        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(created, "crud"));
        created.Data["a"] = "2";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "crud");
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "settings", "crud"));
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"b":"3","a":null}}""", V1Patch.PatchType.MergePatch), "settings", "crud");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("settings", "crud");
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("settings", "crud"));

        Assert.NotNull(created.Uid());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, duplicate.Response.StatusCode);
        Assert.Equal("2", replaced.Data["a"]);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "3" }, patched.Data);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.Response.StatusCode);
    }

    [Fact]
    public async Task Workloads_created_through_the_client_are_stored_and_deleting_their_namespace_deletes_them()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "restored" } });
        var statefulSet = new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db", Labels = new Dictionary<string, string> { ["app"] = "db" } },
            Spec = new V1StatefulSetSpec
            {
                Replicas = 3,
                ServiceName = "db",
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "db", Image = "postgres:16" }] } },
            },
        };

        var created = await client.AppsV1.CreateNamespacedStatefulSetAsync(statefulSet, "restored");
        await server.ApplyAsync(PodFactory.Pod("restored", "db-0"));
        var stored = server.Get("apps/v1", "StatefulSet", "restored", "db");
        var watched = (await client.CoreV1.ListNamespacedPodAsync("restored")).Items.Count;
        await client.CoreV1.DeleteNamespaceAsync("restored");

        Assert.Equal(3, created.Spec.Replicas);
        Assert.Equal(3, (int)stored!["spec"]!["replicas"]!);
        Assert.Equal(1, watched);
        Assert.Empty(server.List("apps/v1", "StatefulSet", "restored"));
        Assert.Empty(server.List("v1", "Pod", "restored"));
    }

    [Fact]
    public async Task The_status_subresource_changes_only_the_status()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(PodFactory.Pod("status", "web"));
        var pod = await client.CoreV1.ReadNamespacedPodAsync("web", "status");
        pod.Status = new V1PodStatus { Phase = "Running" };
        pod.Spec.Containers[0].Image = "ignored:1";

        var updated = await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "web", "status");

        Assert.Equal("Running", updated.Status.Phase);
        Assert.Equal("nginx:1.27", updated.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task Metadata_only_lists_leave_out_a_secrets_data()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "metadata-only" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2" } });
        var accept = new Dictionary<string, IReadOnlyList<string>> { ["Accept"] = ["application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"] };

        var list = await client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync("metadata-only", customHeaders: accept);

        var secret = Assert.Single(list.Body.Items);
        Assert.Equal(("db", "PartialObjectMetadata"), (secret.Name(), secret.Kind));
        Assert.Null(secret.StringData);
        Assert.Null(secret.Data);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_not_found()
    {
        using var client = fixture.Server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, "no-such-namespace"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task A_custom_resource_definition_makes_its_kind_servable()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await server.ApplyAsync(File.ReadAllText("Fixtures/FakeKubernetes/cnpg-cluster-crd.json"));
        var cluster = new Dictionary<string, object>
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Cluster",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "pg" },
            ["spec"] = new Dictionary<string, object> { ["instances"] = 3 },
        };
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "crd" } });

        await client.CustomObjects.CreateNamespacedCustomObjectAsync(cluster, "postgresql.cnpg.io", "v1", "crd", "clusters");
        var listed = (JsonElement)await client.CustomObjects.ListNamespacedCustomObjectAsync("postgresql.cnpg.io", "v1", "crd", "clusters");
        var groups = await client.Apis.GetAPIVersionsAsync();

        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(3, item.GetProperty("spec").GetProperty("instances").GetInt32());
        Assert.Contains(groups.Groups, group => group.Name == "postgresql.cnpg.io");
    }
}
