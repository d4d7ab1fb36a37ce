using System.Text.Json;
using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Domain.Changes;

/// <summary>Compares what was announced with what is there now; equal content hashes are never a change.</summary>
internal static class ApplicationChangeDetector
{
    public static IReadOnlyList<ApplicationChange> Detect(
        IReadOnlyDictionary<string, ApplicationDescription> announced, IReadOnlyList<ApplicationDescription> current)
    {
        var changes = new List<ApplicationChange>();
        var currentIds = current.Select(app => app.Id).ToHashSet();
        foreach (var app in current)
        {
            if (!announced.TryGetValue(app.Id, out var previous))
            {
                changes.Add(new ApplicationAppeared(app));
            }
            else if (previous.ContentHash != app.ContentHash)
            {
                changes.Add(new ApplicationUpdated(app, previous, Aspects(previous, app)));
            }
        }
        changes.AddRange(announced.Values.Where(app => !currentIds.Contains(app.Id)).OrderBy(app => app.Id, StringComparer.Ordinal)
            .Select(app => new ApplicationDisappeared(app)));
        return changes;
    }

    public static IReadOnlyList<string> Aspects(ApplicationDescription before, ApplicationDescription after)
    {
        var aspects = new List<string>();
        void Compare(string aspect, object? x, object? y)
        {
            if (JsonSerializer.Serialize(x, JsonSerializerOptions.Web) != JsonSerializer.Serialize(y, JsonSerializerOptions.Web))
            {
                aspects.Add(aspect);
            }
        }
        Compare(ApplicationAspects.Kind, before.Kind, after.Kind);
        Compare(ApplicationAspects.Resources, new { before.Resources, before.GroupedBy }, new { after.Resources, after.GroupedBy });
        Compare(ApplicationAspects.Volumes, before.Volumes, after.Volumes);
        Compare(ApplicationAspects.Pods, before.Pods, after.Pods);
        Compare(ApplicationAspects.Hooks, before.Hooks, after.Hooks);
        Compare(ApplicationAspects.Members, before.Members, after.Members);
        Compare(ApplicationAspects.Policy, before.SuggestedPolicy, after.SuggestedPolicy);
        Compare(ApplicationAspects.Status, before.Status, after.Status);
        Compare(ApplicationAspects.RestoreNotes, before.RestoreNotes, after.RestoreNotes);
        return aspects;
    }
}
