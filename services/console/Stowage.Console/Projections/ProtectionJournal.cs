using System.Text.Json;
using Stowage.Common.EventSourcing;
using Stowage.Console.Protection;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using Stowage.Contracts.Discovery;
using Stowage.Contracts.Policies;
using Stowage.Contracts.Restores;

namespace Stowage.Console.Projections;

/// <summary>One event an application's view was folded from, kept so the view can be rebuilt.</summary>
public sealed record JournalEntry(string Type, JsonElement Event)
{
    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(ApplicationDiscovered), typeof(ApplicationChanged), typeof(ApplicationRemoved),
        typeof(PolicyCreated), typeof(PolicyChanged), typeof(PolicyPaused), typeof(PolicyResumed), typeof(PolicyOrphaned), typeof(PolicyAdopted), typeof(PolicyDeleted),
        typeof(BackupRequested), typeof(BackupFinished), typeof(RestoreFinished),
    }.ToDictionary(t => t.Name);

    public static JournalEntry Of(IIntegrationEvent e) => new(e.GetType().Name, JsonSerializer.SerializeToElement(e, e.GetType(), EventJson.Options));

    public IIntegrationEvent Read() =>
        (IIntegrationEvent)(Event.Deserialize(Types[Type], EventJson.Options) ?? throw new JsonException($"Journal entry of type {Type} is null."));

    public static bool Keeps(IIntegrationEvent e) => Types.ContainsKey(e.GetType().Name);
}

/// <summary>
/// The events an application's view needs, compacted so the document stays small: the latest discovery event (each
/// carries the whole description), the policy events, the events of the runs the view still holds, the latest restore.
/// Replaying the compacted journal gives the same view as replaying everything.
/// </summary>
public static class ProtectionJournal
{
    public static IReadOnlyList<JournalEntry> Append(IReadOnlyList<JournalEntry> journal, IIntegrationEvent e, ApplicationProtection view)
    {
        if (!JournalEntry.Keeps(e)) return journal;
        var events = journal.Select(j => j.Read()).Append(e).ToList();
        var runs = view.Runs.Select(r => r.RunId).ToHashSet();
        var lastDiscovery = events.LastOrDefault(x => x is ApplicationDiscovered or ApplicationChanged or ApplicationRemoved);
        var lastRestore = events.LastOrDefault(x => x is RestoreFinished);
        var policyId = view.Policy?.Id;
        return events.Where(x => x switch
        {
            ApplicationDiscovered or ApplicationChanged or ApplicationRemoved => ReferenceEquals(x, lastDiscovery),
            PolicyEvent p => policyId is not null && p.PolicyId == policyId,
            BackupRequested r => runs.Contains(r.RunId),
            BackupFinished f => runs.Contains(f.RunId),
            RestoreFinished => ReferenceEquals(x, lastRestore),
            _ => false,
        }).Select(JournalEntry.Of).ToList();
    }
}
