using Stowage.Contracts.Discovery;

namespace Stowage.Discovery.Domain.Changes;

/// <summary>One real change to announce.</summary>
internal abstract record ApplicationChange(ApplicationDescription Application)
{
    public string Id => Application.Id;
}

internal sealed record ApplicationAppeared(ApplicationDescription Application) : ApplicationChange(Application);

internal sealed record ApplicationUpdated(ApplicationDescription Application, ApplicationDescription Previous, IReadOnlyList<string> Aspects)
    : ApplicationChange(Application);

internal sealed record ApplicationDisappeared(ApplicationDescription Application) : ApplicationChange(Application);
