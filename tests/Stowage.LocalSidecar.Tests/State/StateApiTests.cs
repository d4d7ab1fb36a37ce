using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Stowage.LocalSidecar.Tests.State;

public sealed class StateApiTests : IAsyncLifetime
{
    private const string Store = "statestore";
    private Stowage.LocalSidecar.Hosting.LocalSidecarHost _sidecar = null!;
    private TestApp _app = null!;

    private DaprClient Dapr => _app.Services.GetRequiredService<DaprClient>();

    public async Task InitializeAsync()
    {
        _sidecar = await Sidecars.StartAsync("state-app");
        _app = await TestApp.StartAsync(_sidecar.EndpointsOf("state-app"), b => b.Services.AddDaprClient(), _ => { });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task Saved_state_reads_back_and_is_gone_after_delete()
    {
        await Dapr.SaveStateAsync(Store, "policy-1", new Sample("nightly", 3));

        Assert.Equal(new Sample("nightly", 3), await Dapr.GetStateAsync<Sample>(Store, "policy-1"));

        await Dapr.DeleteStateAsync(Store, "policy-1");
        Assert.Null(await Dapr.GetStateAsync<Sample>(Store, "policy-1"));
    }

    [Fact]
    public async Task Bulk_get_returns_every_requested_key()
    {
        await Dapr.SaveStateAsync(Store, "a", new Sample("a", 1));
        await Dapr.SaveStateAsync(Store, "b", new Sample("b", 2));

        var items = await Dapr.GetBulkStateAsync<Sample>(Store, ["a", "b", "missing"], parallelism: 1);

        Assert.Equal(new Sample("b", 2), items.Single(i => i.Key == "b").Value);
        Assert.Null(items.Single(i => i.Key == "missing").Value);
    }

    [Fact]
    public async Task Save_with_a_stale_etag_is_refused()
    {
        await Dapr.SaveStateAsync(Store, "stream", new Sample("v1", 1));
        var (_, etag) = await Dapr.GetStateAndETagAsync<Sample>(Store, "stream");
        Assert.True(await Dapr.TrySaveStateAsync(Store, "stream", new Sample("v2", 2), etag));

        Assert.False(await Dapr.TrySaveStateAsync(Store, "stream", new Sample("v3", 3), etag));
        Assert.False(await Dapr.TryDeleteStateAsync(Store, "stream", etag));
        Assert.Equal(new Sample("v2", 2), await Dapr.GetStateAsync<Sample>(Store, "stream"));
    }

    [Fact]
    public async Task First_write_without_an_etag_creates_a_key_but_never_overwrites_one()
    {
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
        await Dapr.SaveStateAsync(Store, "new-stream", new Sample("created", 1), firstWrite);

        await Assert.ThrowsAsync<DaprException>(() => Dapr.SaveStateAsync(Store, "new-stream", new Sample("again", 1), firstWrite));
        Assert.Equal(new Sample("created", 1), await Dapr.GetStateAsync<Sample>(Store, "new-stream"));
    }

    [Fact]
    public async Task A_transaction_with_a_stale_etag_raises_DaprException_and_writes_nothing()
    {
        await Dapr.SaveStateAsync(Store, "events-1", new Sample("e1", 1));
        var (_, etag) = await Dapr.GetStateAndETagAsync<Sample>(Store, "events-1");
        await Dapr.SaveStateAsync(Store, "events-1", new Sample("e1-concurrent", 1));

        var transaction = new List<StateTransactionRequest>
        {
            new("events-2", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Sample("e2", 2)), StateOperationType.Upsert),
            new("events-1", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Sample("e1-mine", 1)), StateOperationType.Upsert, etag),
        };

        var error = await Assert.ThrowsAsync<DaprException>(() => Dapr.ExecuteStateTransactionAsync(Store, transaction));

        Assert.Contains("possible etag mismatch", error.InnerException!.Message);
        Assert.Null(await Dapr.GetStateAsync<Sample>(Store, "events-2"));
        Assert.Equal(new Sample("e1-concurrent", 1), await Dapr.GetStateAsync<Sample>(Store, "events-1"));
    }

    [Fact]
    public async Task A_transaction_with_current_etags_applies_every_operation()
    {
        await Dapr.SaveStateAsync(Store, "t-1", new Sample("old", 1));
        var (_, etag) = await Dapr.GetStateAndETagAsync<Sample>(Store, "t-1");

        await Dapr.ExecuteStateTransactionAsync(Store,
        [
            new("t-1", null, StateOperationType.Delete, etag),
            new("t-2", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Sample("new", 2)), StateOperationType.Upsert),
        ]);

        Assert.Null(await Dapr.GetStateAsync<Sample>(Store, "t-1"));
        Assert.Equal(new Sample("new", 2), await Dapr.GetStateAsync<Sample>(Store, "t-2"));
    }

    private sealed record Sample(string Name, int Number);
}
