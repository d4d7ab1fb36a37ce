using System.Text;
using Stowage.Common.EventSourcing;
using Stowage.Console.Projections;
using Stowage.Console.Protection;
using Stowage.Contracts;
using Stowage.Contracts.Backups;
using static Stowage.Console.Tests.Protection.Events;

namespace Stowage.Console.Tests.Protection;

public sealed class ProtectionJournalTests
{
    [Fact]
    public void Replaying_the_compacted_journal_gives_the_live_view()
    {
        var seed = ApplicationProtection.Unknown(App.Namespace, App.Name);
        var events = new List<IIntegrationEvent> { Discovered(T0), Discovered(T0.AddMinutes(1)), Created(T0) };
        for (var i = 0; i < ProtectionProjection.RunsKept + 3; i++)
        {
            events.Add(Requested($"r{i:000}", T0.AddMinutes(i)));
            events.Add(new BackupProgressed(Guid.NewGuid(), T0.AddMinutes(i).AddSeconds(1), $"r{i:000}", "p1", "copying", 0, 1, 1));
            events.Add(Finished($"r{i:000}", T0.AddMinutes(i).AddSeconds(30)));
        }

        var live = seed;
        IReadOnlyList<JournalEntry> journal = [];
        foreach (var e in events)
        {
            live = ProtectionProjection.Evolve(live, e);
            journal = ProtectionJournal.Append(journal, e, live);
        }

        var replayed = ProtectionProjection.Replay(seed, journal.Select(j => j.Read()));
        // Progress is live state, not journaled; the finished runs hold none anyway.
        Assert.Equal(Json(live), Json(replayed));
        // One discovery event, one policy event, two per kept run; no progress.
        Assert.Equal(2 + 2 * ProtectionProjection.RunsKept, journal.Count);
    }

    private static string Json(ApplicationProtection view) => Encoding.UTF8.GetString(EventJson.Serialize(view));
}
