using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stowage.Common.Access;
using Stowage.Console.Access;
using Stowage.Console.Extensions;
using Stowage.Console.Projections;
using Stowage.Console.Protection;
using Stowage.Console.Services;
using Stowage.Contracts.Policies;

namespace Stowage.Console.Pages;

/// <summary>
/// One application: its protection, runs and charts, its policy (protect from the suggestion, change, pause,
/// resume, back up now) and its restore points with the restore form. Another namespace's application is refused (403).
/// </summary>
public sealed class ApplicationModel(ProtectionViews views, ViewerContext viewer, ConsoleActions actions, TimeProvider clock, IOptions<ConsoleOptions> options) : PageModel
{
    public const int RunsPerPage = 20;

    [BindProperty(SupportsGet = true, Name = "namespace")]
    public string Namespace { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "name")]
    public string Name { get; set; } = "";

    /// <summary>Set when the viewer may not see this namespace: the page says so, with status 403.</summary>
    public string? Refused { get; private set; }

    [BindProperty(SupportsGet = true, Name = "restore")]
    public string? RestoreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "runs")]
    public int RunsPage { get; set; } = 1;

    public ProtectionReport Report { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public BackupTarget? SuggestedTarget { get; private set; }

    public IReadOnlyList<RestorePoint> RestorePoints { get; private set; } = [];

    public string? RestorePointsProblem { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public bool MayChange { get; private set; }

    public bool MayRestore { get; private set; }

    public IReadOnlyList<RunRecord> RunsShown { get; private set; } = [];

    public int RunsPageCount { get; private set; } = 1;

    public string ChartData { get; private set; } = "[]";

    public Task<IActionResult> OnGetAsync(string? message, CancellationToken ct)
    {
        Message = message;
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostProtectAsync(TargetForm target, CancellationToken ct) =>
        ActAsync(StowageResources.CreatePolicy(Namespace), (v, _) => actions.ProtectAsync(v, new ApplicationRef(Namespace, Name), target.ToTarget(), ct),
            "Protected with the suggested policy; the first backup runs when the schedule is next due, or now with Back up now.", ct);

    public Task<IActionResult> OnPostScheduleAsync(string? interval, string? cron, int keepLast, CancellationToken ct) =>
        ActAsync(StowageResources.UpdatePolicy(Namespace), (v, policy) => actions.ChangeScheduleAsync(v, policy!.Id, policy.Version,
            string.IsNullOrWhiteSpace(cron) ? new BackupSchedule(Interval: interval?.Trim()) : new BackupSchedule(Cron: cron.Trim()), new RetentionRule(keepLast), ct),
            "Policy changed.", ct);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken ct) =>
        ActAsync(StowageResources.UpdatePolicy(Namespace), (v, policy) => actions.PauseAsync(v, policy!.Id, ct), "Paused: no scheduled backups until resumed.", ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) =>
        ActAsync(StowageResources.UpdatePolicy(Namespace), (v, policy) => actions.ResumeAsync(v, policy!.Id, ct), "Resumed.", ct);

    public Task<IActionResult> OnPostBackUpNowAsync(CancellationToken ct) =>
        ActAsync(StowageResources.CreateBackup(Namespace), (v, policy) => actions.BackUpNowAsync(v, policy!.Id, ct), "Backup requested; it appears below in a moment.", ct);

    public async Task<IActionResult> OnPostRestoreAsync(string runId, string targetNamespace, string? storageClassMap, CancellationToken ct)
    {
        if (!StorageClassMap.TryParse(storageClassMap, out var map, out var mapProblem)) return await ShowAsync(ct, problem: mapProblem);
        string? restoreId = null;
        var result = await ActAsync(StowageResources.CreateRestore(targetNamespace.Trim()), async (v, policy) =>
        {
            var answer = await actions.StartRestoreAsync(v, policy!.Target, Namespace, runId, targetNamespace.Trim(), map, ct);
            if (answer.Succeeded)
            {
                restoreId = answer.Body.GetProperty("restoreId").GetString()!;
                await views.RememberOwnerAsync("restore", restoreId, $"{Namespace}/{Name}", ct);
                await views.RememberOwnerAsync("run", runId, $"{Namespace}/{Name}", ct);
            }
            return answer;
        }, "Restore started.", ct);
        return restoreId is null ? result : RedirectToPage("/Application", new { @namespace = Namespace, name = Name, restore = restoreId, message = $"Restore into {targetNamespace.Trim()} started." });
    }

    private async Task<IActionResult> ActAsync(Permission action, Func<Viewer, ProtectingPolicy?, Task<ServiceAnswer>> act, string done, CancellationToken ct)
    {
        var current = await viewer.CurrentAsync(ct);
        var application = await views.GetAsync($"{Namespace}/{Name}", ct);
        if (current is null || !await viewer.MayAsync(StowageResources.SeePolicies(Namespace), ct)) return Forbidden();
        if (application is null) return NotFound();
        if (!await viewer.MayAsync(action, ct)) return await ShowAsync(ct, problem: $"You may not {action.Verb} {action.Resource} in namespace {action.Namespace}.");
        if (application.Policy is null && action != StowageResources.CreatePolicy(Namespace)) return await ShowAsync(ct, problem: "This application has no policy yet.");
        var answer = await act(current, application.Policy);
        if (!answer.Succeeded) return await ShowAsync(ct, problem: answer.Problem);
        return RedirectToPage("/Application", new { @namespace = Namespace, name = Name, message = done });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, string? problem = null)
    {
        Problem = problem;
        Now = clock.GetUtcNow();
        var current = await viewer.CurrentAsync(ct);
        ViewData["Viewer"] = current?.UserName;
        if (current is null || !await viewer.MayAsync(StowageResources.SeePolicies(Namespace), ct)) return Forbidden();
        var application = await views.GetAsync($"{Namespace}/{Name}", ct);
        if (application is null) return NotFound();
        Report = ProtectionReport.Of(application, Now);
        MayChange = await viewer.MayAsync(application.Policy is null ? StowageResources.CreatePolicy(Namespace) : StowageResources.UpdatePolicy(Namespace), ct);
        MayRestore = application.Policy is not null;
        SuggestedTarget = options.Value.ParseDefaultTarget();
        var newestFirst = application.Runs.Reverse().ToList();
        RunsPageCount = Math.Max(1, (newestFirst.Count + RunsPerPage - 1) / RunsPerPage);
        RunsPage = Math.Clamp(RunsPage, 1, RunsPageCount);
        RunsShown = newestFirst.Skip((RunsPage - 1) * RunsPerPage).Take(RunsPerPage).ToList();
        ChartData = JsonSerializer.Serialize(application.Runs.Where(r => r.FinishedAt is not null).Select(r => new
        {
            at = Display.Time(r.RequestedAt), added = r.BytesAdded, seconds = Math.Round(r.Duration!.Value.TotalSeconds, 1), outcome = r.Outcome.ToString(),
        }));
        if (application.Policy is { } policy) await LoadRestorePointsAsync(current, policy, ct);
        return Page();
    }

    private async Task LoadRestorePointsAsync(Viewer current, ProtectingPolicy policy, CancellationToken ct)
    {
        var answer = await actions.RestorePointsAsync(current, policy.Target, Namespace, policy.Id, ct);
        if (!answer.Succeeded)
        {
            RestorePointsProblem = answer.Status == 404 ? null : answer.Problem;
            return;
        }
        RestorePoints = answer.Body.EnumerateArray()
            .Select(b => new RestorePoint(b.GetProperty("runId").GetString()!, b.GetProperty("time").GetDateTimeOffset(), b.GetProperty("volumes").GetArrayLength()))
            .OrderByDescending(p => p.Time).ToList();
    }

    private PageResult Forbidden()
    {
        Refused = $"You may not see applications in namespace {Namespace}.";
        return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
    }
}

public sealed record RestorePoint(string RunId, DateTimeOffset Time, int Volumes);
