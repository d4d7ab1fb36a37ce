using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stowage.Console.Access;
using Stowage.Console.Extensions;
using Stowage.Console.Projections;
using Stowage.Console.Protection;

namespace Stowage.Console.Pages;

/// <summary>Every application the viewer may see, grouped by namespace, filtered and paged, with the counts of the whole filtered set.</summary>
public sealed class IndexModel(ProtectionViews views, ViewerContext viewer, TimeProvider clock, IOptions<ConsoleOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RecoveryPointStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "namespace")]
    public string? Namespace { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<string> Namespaces { get; private set; } = [];

    public OverviewCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public IReadOnlyList<IGrouping<string, ProtectionReport>> Groups { get; private set; } = [];

    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        ViewData["Viewer"] = (await viewer.CurrentAsync(ct))?.UserName;
        var visible = (await viewer.VisibleAsync(await views.AllAsync(ct), ct)).Select(a => ProtectionReport.Of(a, Now)).ToList();
        Namespaces = visible.Select(r => r.Application.Namespace).Distinct().ToList();
        var filtered = visible
            .Where(r => Namespace is not { Length: > 0 } ns || r.Application.Namespace == ns)
            .Where(r => Search is not { Length: > 0 } q || r.Application.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Application.Kind.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Counts = OverviewCounts.Of(filtered);
        var shown = filtered.Where(r => Status is null || r.Status == Status).ToList();
        var size = Math.Max(1, options.Value.PageSize);
        PageCount = Math.Max(1, (shown.Count + size - 1) / size);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Groups = shown.Skip((PageNumber - 1) * size).Take(size).GroupBy(r => r.Application.Namespace).ToList();
    }

    public string PageLink(int page) =>
        Url.Page("/Index", new { status = Status, @namespace = Namespace, q = Search, page })!;
}

/// <summary>The overview's headline: how many applications are protected, unprotected, and in each recovery-point state.</summary>
public sealed record OverviewCounts(int Protected, int Unprotected, int OnTime, int Pending, int AtRisk, int Missed)
{
    public static OverviewCounts Of(IReadOnlyCollection<ProtectionReport> reports) => new(
        reports.Count(r => r.Status != RecoveryPointStatus.Unprotected),
        reports.Count(r => r.Status == RecoveryPointStatus.Unprotected),
        reports.Count(r => r.Status == RecoveryPointStatus.OnTime),
        reports.Count(r => r.Status == RecoveryPointStatus.Pending),
        reports.Count(r => r.Status == RecoveryPointStatus.AtRisk),
        reports.Count(r => r.Status == RecoveryPointStatus.Missed));

    public override string ToString() =>
        $"{Protected} protected, {Unprotected} unprotected, {Missed} missed, {AtRisk} at risk";
}
