using Dapr.Client;
using Stowage.Common.EventSourcing;
using Stowage.Common.State;
using Stowage.Console.Protection;
using Stowage.Contracts;

namespace Stowage.Console.Projections;

/// <summary>An application's view and the journal it is folded from, in one state document (so they change together).</summary>
public sealed record ProtectionDocument(ApplicationProtection View, IReadOnlyList<JournalEntry> Journal);

/// <summary>
/// The protection read model in the Dapr state store: one document per application, changed with ETag retries so
/// events racing for one application never lose each other, plus which application each policy and run belongs to.
/// </summary>
public sealed class ProtectionViews(DaprClient dapr)
{
    private readonly KeyCatalog catalog = new(dapr, DaprComponents.StateStore, "console-applications");

    public async Task ApplyAsync(string ns, string name, IIntegrationEvent e, CancellationToken ct)
    {
        var id = $"{ns}/{name}";
        await dapr.ChangeAsync<ProtectionDocument>(DaprComponents.StateStore, Key(id), document =>
        {
            var view = ProtectionProjection.Evolve(document?.View ?? ApplicationProtection.Unknown(ns, name), e);
            return new ProtectionDocument(view, ProtectionJournal.Append(document?.Journal ?? [], e, view));
        }, $"the protection view of {id}", ct);
        await catalog.AddAsync(id, ct);
    }

    public async Task<ApplicationProtection?> GetAsync(string id, CancellationToken ct) =>
        (await dapr.GetStateAsync<ProtectionDocument?>(DaprComponents.StateStore, Key(id), cancellationToken: ct))?.View;

    public async Task<IReadOnlyList<ApplicationProtection>> AllAsync(CancellationToken ct)
    {
        var documents = await dapr.ReadManyAsync<ProtectionDocument>(DaprComponents.StateStore, (await catalog.ListAsync(ct)).Select(Key).ToList(), ct);
        return documents.Select(d => d.View)
            .OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replays every application's journal and rewrites its view; returns the ids whose view differed.</summary>
    public async Task<ProjectionRebuild> RebuildAsync(CancellationToken ct)
    {
        var ids = await catalog.ListAsync(ct);
        var differing = new List<string>();
        foreach (var id in ids)
        {
            var (document, etag) = await dapr.GetStateAndETagAsync<ProtectionDocument?>(DaprComponents.StateStore, Key(id), cancellationToken: ct);
            if (document is null) continue;
            var seed = ApplicationProtection.Unknown(document.View.Namespace, document.View.Name);
            var replayed = ProtectionProjection.Replay(seed, document.Journal.Select(j => j.Read()));
            // A running backup's progress is not journaled: it is live state, kept as it is.
            replayed = replayed with { Runs = replayed.Runs.Select(r => r with { Activity = document.View.Runs.FirstOrDefault(v => v.RunId == r.RunId)?.Activity }).ToList() };
            if (EventJson.Serialize(replayed).AsSpan().SequenceEqual(EventJson.Serialize(document.View))) continue;
            differing.Add(id);
            await dapr.TrySaveStateAsync(DaprComponents.StateStore, Key(id), document with { View = replayed }, etag ?? "", new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: ct);
        }
        return new ProjectionRebuild(ids.Count, differing);
    }

    /// <summary>Remembers which application a policy or run belongs to, for the events that name only the policy or run.</summary>
    public Task RememberOwnerAsync(string kind, string key, string applicationId, CancellationToken ct) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, $"console-{kind}-owner-{key}", applicationId, cancellationToken: ct);

    public Task<string?> OwnerAsync(string kind, string key, CancellationToken ct) =>
        dapr.GetStateAsync<string?>(DaprComponents.StateStore, $"console-{kind}-owner-{key}", cancellationToken: ct);

    private static string Key(string id) => $"console-protection-{id}";
}

public sealed record ProjectionRebuild(int Applications, IReadOnlyList<string> Differing);
