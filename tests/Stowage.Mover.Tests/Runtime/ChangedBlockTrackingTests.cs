using System.Text.Json.Nodes;
using Grpc.Core;
using k8s;
using k8s.Models;
using Stowage.LocalCluster;
using Stowage.LocalCluster.SnapshotMetadata;
using Stowage.Mover.Engine;
using Stowage.Mover.Engine.Backup;
using Stowage.Mover.Engine.Crypto;
using Stowage.Mover.Engine.Repository;
using Stowage.Mover.Engine.Restore;
using Stowage.Mover.Engine.Storage;
using Stowage.Mover.Cbt;
using Stowage.Mover.Runtime.ChangedBlocks;

namespace Stowage.Mover.Tests.Runtime;

/// <summary>
/// Changed-block tracking end to end on this machine: the stand-in cluster (RBAC enforced), the stand-in snapshot
/// metadata service over TLS, the mover's discovery, token and client, and the engine reading only changed blocks.
/// </summary>
public sealed class ChangedBlockTrackingTests : IAsyncLifetime
{
    private const string Ns = "shop";
    private const string Account = "stowage-mover";
    private const int Size = 64 * 1024 * 1024;
    private const int Page = 8 * 1024;
    private const int OurBlock = 32 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "stowage-tests", $"cbt-{Guid.NewGuid():N}");
    private FakeKubernetesApiServer _cluster = null!;
    private FakeSnapshotMetadataService _service = null!;
    private IKubernetes _mover = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "source"));
        _cluster = await FakeKubernetesApiServer.StartAsync(new FakeKubernetesApiServerOptions { Authorization = true, Namespaces = ["default", Ns] });
        await _cluster.ApplyAsync(FakeSnapshotMetadataService.Crd());
        await _cluster.ApplyAsync(new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new() { Name = Account, NamespaceProperty = Ns } });
        await _cluster.ApplyAsync(ClientRole);
        await _cluster.ApplyAsync(Binding(Account, "external-snapshot-metadata-client-runner"));
        using var admin = _cluster.CreateClient();
        _service = await FakeSnapshotMetadataService.StartAsync(_cluster.CreateClient());
        await _cluster.ApplyAsync(_service.ServiceObject());
        _mover = _cluster.CreateClient(await ApiTokenAsync(admin, Account));
    }

    public async Task DisposeAsync()
    {
        _mover.Dispose();
        await _service.DisposeAsync();
        await _cluster.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_second_backup_after_a_scattered_one_percent_page_change_reads_only_the_changed_blocks()
    {
        var (endpoint, token) = await DiscoverAsync();
        using var repository = await InitRepositoryAsync();
        var first = await BackupSnapshotAsync(repository, "snap-1", SampleImage(), null);
        var (image, touched) = ChangePages("snap-1", "snap-2", Size / Page / 100);

        var second = await BackupDeltaAsync(repository, first, image, endpoint, token);

        Assert.Empty(second.Warnings);
        // The 32 KiB blocks holding a changed 8 KiB page, plus at most the 16 blocks of the verification sample.
        Assert.InRange(second.BytesRead, touched * (long)OurBlock, (touched + 16) * (long)OurBlock);
        Assert.True(second.BytesRead < Size / 20, $"read {second.BytesRead} of {Size}");
        Assert.Equal(Size, first.BytesRead);
        await AssertRestoresAsync(repository, second, image);
    }

    [Fact]
    public async Task A_first_backup_of_a_thin_image_reads_only_what_the_allocated_ranges_name()
    {
        var (endpoint, token) = await DiscoverAsync();
        using var repository = await InitRepositoryAsync();
        var (image, touched) = ThinImage(extents: 64, extent: 64 * 1024);
        using var client = SnapshotMetadataDiscovery.Connect(endpoint);

        var first = await BackupSnapshotAsync(repository, "snap-1", image, new ChangedBlocks
        {
            Path = "volume.img", Ranges = client.GetAllocatedAsync(token, Ns, "snap-1", Size),
        });

        Assert.Empty(first.Warnings);
        Assert.InRange(first.BytesRead, touched * (long)OurBlock, (touched + 16) * (long)OurBlock);
        Assert.True(first.BytesRead < Size / 10, $"read {first.BytesRead} of {Size}");
        await AssertRestoresAsync(repository, first, image);
    }

    [Fact]
    public async Task A_stream_cut_midway_is_resumed_from_the_last_range_it_received()
    {
        var (endpoint, token) = await DiscoverAsync();
        using var repository = await InitRepositoryAsync();
        var first = await BackupSnapshotAsync(repository, "snap-1", SampleImage(), null);
        var (image, touched) = ChangePages("snap-1", "snap-2", Size / Page / 100);
        // Ten messages of 8 ranges, then the sidecar restarts once.
        _service.FailAfterResponses = _service.Responses + 10;

        var second = await BackupDeltaAsync(repository, first, image, endpoint, token, maxResults: 8);

        Assert.Equal(1, _service.Failed);
        // The second call asks from the end of the 80th range it received (FIXED_LENGTH 4 KiB ranges).
        var resumedAt = _service.StartingOffsets[^1];
        Assert.True(resumedAt > 0 && resumedAt % _service.Options.BlockSize == 0, $"resumed at {resumedAt}");
        Assert.Equal(0, _service.StartingOffsets[^2]);
        Assert.Empty(second.Warnings);
        Assert.InRange(second.BytesRead, touched * (long)OurBlock, (touched + 16) * (long)OurBlock);
        await AssertRestoresAsync(repository, second, image);
    }

    [Fact]
    public async Task A_stream_that_stays_broken_is_used_up_to_the_failure_and_the_rest_is_read()
    {
        var (endpoint, token) = await DiscoverAsync();
        using var repository = await InitRepositoryAsync();
        var first = await BackupSnapshotAsync(repository, "snap-1", SampleImage(), null);
        var (image, _) = ChangePages("snap-1", "snap-2", Size / Page / 100);
        _service.FailAfterResponses = _service.Responses + 10;
        _service.Failures = int.MaxValue;

        var second = await BackupDeltaAsync(repository, first, image, endpoint, token, maxResults: 8);

        Assert.Equal(1 + SnapshotMetadataClient.DefaultResumes, _service.Failed);
        Assert.Contains(second.Warnings, w => w.Contains("Changed-block stream failed") && w.Contains("Unavailable"));
        // The 80 ranges received cover at most 80 of our blocks before the failure; from there on, everything.
        Assert.InRange(second.BytesRead, Size / 4, Size - 1);
        await AssertRestoresAsync(repository, second, image);
    }

    [Fact]
    public async Task The_service_answers_with_the_real_codes()
    {
        var (endpoint, token) = await DiscoverAsync();
        var image = SampleImage();
        _service.AddSnapshot(new SnapshotImage(Ns, "snap-1", "handle-snap-1", image));
        using var client = SnapshotMetadataDiscovery.Connect(endpoint);
        using var admin = _cluster.CreateClient();
        await _cluster.ApplyAsync(new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount", Metadata = new() { Name = "no-rights", NamespaceProperty = Ns } });
        var stranger = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest
        {
            Spec = new V1TokenRequestSpec { Audiences = [endpoint.Audience] },
        }, "no-rights", Ns);

        Assert.Equal(StatusCode.InvalidArgument, await CodeAsync(client.GetAllocatedAsync("", Ns, "snap-1", Size)));
        Assert.Equal(StatusCode.InvalidArgument, await CodeAsync(client.GetDeltaAsync(token, Ns, "", "snap-1", Size)));
        // The mover's token for the apiserver is not one for the service's audience.
        Assert.Equal(StatusCode.Unauthenticated, await CodeAsync(client.GetAllocatedAsync(await ApiTokenAsync(admin, Account), Ns, "snap-1", Size)));
        Assert.Equal(StatusCode.PermissionDenied, await CodeAsync(client.GetAllocatedAsync(stranger.Status.Token, Ns, "snap-1", Size)));
        Assert.Equal(StatusCode.NotFound, await CodeAsync(client.GetAllocatedAsync(token, Ns, "snap-9", Size)));
        Assert.Equal(StatusCode.NotFound, await CodeAsync(client.GetDeltaAsync(token, Ns, "handle-gone", "snap-1", Size)));
        // Random data is allocated everywhere: every 4 KiB block of the image.
        var allocated = 0L;
        await foreach (var range in client.GetAllocatedAsync(token, Ns, "snap-1", Size)) allocated += range.Length;
        Assert.Equal(Size, allocated);
    }

    [Fact]
    public async Task A_driver_without_a_service_is_found_to_offer_none()
    {
        Assert.Null(await new SnapshotMetadataDiscovery(_mover).FindAsync("ebs.csi.aws.com", CancellationToken.None));
    }

    private async Task<(SnapshotMetadataEndpoint Endpoint, string Token)> DiscoverAsync()
    {
        var discovery = new SnapshotMetadataDiscovery(_mover);
        var endpoint = await discovery.FindAsync(_service.Options.Driver, CancellationToken.None);
        Assert.NotNull(endpoint);
        return (endpoint, await discovery.TokenAsync(Ns, Account, endpoint, CancellationToken.None));
    }

    private Task<StowageRepository> InitRepositoryAsync() => StowageRepository.InitAsync(new LocalDirectoryBackend(Path.Combine(_root, "repo")),
        RepositorySecret.FromPassword("cbt"), new RepositoryInitOptions { KdfIterations = 100_000 });

    /// <summary>What the mover's job pod sees: the snapshot's image at the source path, tagged with the snapshot's handle.</summary>
    private async Task<BackupResult> BackupSnapshotAsync(StowageRepository repository, string snapshot, string image, ChangedBlocks? changes)
    {
        _service.AddSnapshot(new SnapshotImage(Ns, snapshot, $"handle-{snapshot}", image));
        var source = Path.Combine(_root, "source");
        File.Copy(image, Path.Combine(source, "volume.img"), overwrite: true);
        return await repository.BackupAsync(new BackupRequest
        {
            SourcePath = source,
            Tags = new Dictionary<string, string> { ["volume"] = "data", ["csi.snapshotHandle"] = $"handle-{snapshot}" },
            ChangedBlocks = changes,
        });
    }

    /// <summary>The second snapshot's backup, reading the ranges the service says changed since the first's.</summary>
    private async Task<BackupResult> BackupDeltaAsync(StowageRepository repository, BackupResult first, string image,
        SnapshotMetadataEndpoint endpoint, string token, int maxResults = 0)
    {
        using var client = SnapshotMetadataDiscovery.Connect(endpoint);
        return await BackupSnapshotAsync(repository, "snap-2", image, new ChangedBlocks
        {
            Path = "volume.img", BaseSnapshotId = first.Snapshot.Id,
            Ranges = client.GetDeltaAsync(token, Ns, "handle-snap-1", "snap-2", Size, maxResults),
        });
    }

    private async Task AssertRestoresAsync(StowageRepository repository, BackupResult result, string image)
    {
        var target = Path.Combine(_root, "restored-" + result.Snapshot.ShortId);
        await repository.RestoreAsync(new RestoreRequest { SnapshotId = result.Snapshot.Id, TargetPath = target });
        var restored = await File.ReadAllBytesAsync(Path.Combine(target, "volume.img"));
        Assert.True((await File.ReadAllBytesAsync(image)).SequenceEqual(restored), "the restored image differs");
    }

    private string SampleImage()
    {
        var path = Path.Combine(_root, "snap-1.img");
        var bytes = new byte[Size];
        new Random(18).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>An image of zeros with random extents of data, as a thin volume; the number of our blocks they touch.</summary>
    private (string Image, int Touched) ThinImage(int extents, int extent)
    {
        var path = Path.Combine(_root, "snap-1.img");
        var bytes = new byte[Size];
        var random = new Random(7);
        var blocks = new HashSet<long>();
        for (var i = 0; i < extents; i++)
        {
            var offset = (int)(random.NextInt64((Size - extent) / 4096) * 4096);
            random.NextBytes(bytes.AsSpan(offset, extent));
            for (var block = offset / OurBlock; block <= (offset + extent - 1) / OurBlock; block++) blocks.Add(block);
        }
        File.WriteAllBytes(path, bytes);
        return (path, blocks.Count);
    }

    /// <summary>A copy of one snapshot's image with pages rewritten at random places; the number of our blocks touched.</summary>
    private (string Image, int Touched) ChangePages(string from, string to, int pages)
    {
        var path = Path.Combine(_root, to + ".img");
        File.Copy(Path.Combine(_root, from + ".img"), path);
        var random = new Random(31);
        var blocks = new HashSet<long>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        var page = new byte[Page];
        for (var i = 0; i < pages; i++)
        {
            var offset = random.NextInt64(Size / Page) * Page;
            random.NextBytes(page);
            stream.Position = offset;
            stream.Write(page);
            blocks.Add(offset / OurBlock);
        }
        return (path, blocks.Count);
    }

    private static async Task<StatusCode?> CodeAsync(IAsyncEnumerable<ByteRange> ranges)
    {
        try
        {
            await foreach (var _ in ranges) { }
            return null;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<string> ApiTokenAsync(IKubernetes admin, string account) =>
        (await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, account, Ns)).Status.Token;

    /// <summary>Upstream's deploy/snapshot-metadata-client-cluster-role.yaml.</summary>
    private static readonly JsonObject ClientRole = JsonNode.Parse("""
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"external-snapshot-metadata-client-runner"},
         "rules":[{"apiGroups":["snapshot.storage.k8s.io"],"resources":["volumesnapshots","volumesnapshotcontents"],"verbs":["get","list","watch"]},
                  {"apiGroups":["cbt.storage.k8s.io"],"resources":["snapshotmetadataservices"],"verbs":["get","list"]},
                  {"apiGroups":[""],"resources":["serviceaccounts/token"],"verbs":["create","get"]}]}
        """)!.AsObject();

    private static JsonObject Binding(string account, string role) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1", ["kind"] = "ClusterRoleBinding",
        ["metadata"] = new JsonObject { ["name"] = $"{account}-{role}" },
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
        ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = account, ["namespace"] = Ns }),
    };
}
