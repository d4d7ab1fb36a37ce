using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stowage.Common.Access;
using Stowage.Console.Access;
using Stowage.Console.Projections;
using Stowage.Console.Protection;
using Stowage.Console.Services;

namespace Stowage.Console.Pages;

/// <summary>One backup run: live progress while it runs, then per-volume detail, the failure reason and what to do about it.</summary>
public sealed class RunModel(ProtectionViews views, ViewerContext viewer, ConsoleActions actions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "runId")]
    public string RunId { get; set; } = "";

    public ApplicationProtection? Application { get; private set; }

    public RunRecord? Run { get; private set; }

    public string? LiveStep { get; private set; }

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var current = await viewer.CurrentAsync(ct);
        ViewData["Viewer"] = current?.UserName;
        var owner = await views.OwnerAsync("run", RunId, ct);
        Application = owner is null ? null : await views.GetAsync(owner, ct);
        if (Application is null) return NotFound();
        if (current is null || !await viewer.MayAsync(StowageResources.SeePolicies(Application.Namespace), ct))
        {
            Refused = $"You may not see backup runs in namespace {Application.Namespace}.";
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        Run = Application.Runs.FirstOrDefault(r => r.RunId == RunId);
        var live = await actions.RunStatusAsync(current, RunId, ct);
        if (live.Succeeded && live.Body.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            LiveStep = $"{status.GetProperty("step").GetString()} ({status.GetProperty("volumesDone").GetInt32()}/{status.GetProperty("volumesTotal").GetInt32()} volumes)";
        }
        return Page();
    }

    /// <summary>What a user can do about a failure, from the words of its reason.</summary>
    public static string Advice(string reason) => reason switch
    {
        _ when reason.Contains("hook", StringComparison.OrdinalIgnoreCase) =>
            "Check the hook's command in the policy and that the container named exists and is running; run the command by hand with kubectl exec to see its output.",
        _ when reason.Contains("credential", StringComparison.OrdinalIgnoreCase) || reason.Contains("access denied", StringComparison.OrdinalIgnoreCase) || reason.Contains("password", StringComparison.OrdinalIgnoreCase) =>
            "Check the target's credentials reference: the secret or configuration entry must exist and hold the access key pair and repository password.",
        _ when reason.Contains("bucket", StringComparison.OrdinalIgnoreCase) || reason.Contains("endpoint", StringComparison.OrdinalIgnoreCase) || reason.Contains("S3", StringComparison.Ordinal) =>
            "Check that the target's endpoint is reachable from the cluster and the bucket exists (POST /targets/check tests it).",
        _ when reason.Contains("volume", StringComparison.OrdinalIgnoreCase) || reason.Contains("claim", StringComparison.OrdinalIgnoreCase) =>
            "Check that the volume's claim is bound and its pod is running, then back up now.",
        _ => "Fix the cause above, then use Back up now on the application's page; the next scheduled run also retries.",
    };
}
