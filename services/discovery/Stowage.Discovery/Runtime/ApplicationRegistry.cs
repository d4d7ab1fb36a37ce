using System.Collections.Concurrent;
using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Runtime;

/// <summary>The applications as last announced: the read model behind the REST API and the baseline for change detection.</summary>
internal sealed class ApplicationRegistry
{
    private readonly ConcurrentDictionary<string, ApplicationDescription> applications = new(StringComparer.Ordinal);

    public int Count => applications.Count;

    public IReadOnlyDictionary<string, ApplicationDescription> Snapshot() => new Dictionary<string, ApplicationDescription>(applications);

    public ApplicationDescription? Find(string ns, string name) => applications.GetValueOrDefault($"{ns}/{name}");

    public IReadOnlyList<ApplicationDescription> List(string? ns, string? kind) =>
        applications.Values
            .Where(app => ns is null || app.Namespace == ns)
            .Where(app => kind is null || string.Equals(app.Kind.Name, kind, StringComparison.OrdinalIgnoreCase))
            .OrderBy(app => app.Id, StringComparer.Ordinal)
            .ToList();

    public void Restore(IReadOnlyDictionary<string, ApplicationDescription> announced)
    {
        foreach (var (id, application) in announced)
        {
            applications[id] = application;
        }
    }

    public void Set(ApplicationDescription application) => applications[application.Id] = application;

    public void Remove(string id) => applications.TryRemove(id, out _);
}
