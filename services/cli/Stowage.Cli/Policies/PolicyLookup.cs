using System.Text.Json;

namespace Stowage.Cli.Policies;

/// <summary>Finds a policy by its id, or by its application's name in the command's namespace (one live policy per application).</summary>
internal static class PolicyLookup
{
    public static async Task<JsonElement> FindAsync(Invocation invocation, string policyOrApplication)
    {
        if (await invocation.Api.FindAsync($"policies/{Uri.EscapeDataString(policyOrApplication)}", invocation.Cancellation) is { } byId) return byId;
        var page = await invocation.Api.GetAsync(
            $"policies?namespace={Uri.EscapeDataString(invocation.Namespace)}&application={Uri.EscapeDataString(policyOrApplication)}", invocation.Cancellation);
        return page.Items("items").FirstOrDefault(p => p.Text("status") != "Deleted") is { ValueKind: JsonValueKind.Object } live
            ? live
            : throw new RefusedException(404, $"No policy '{policyOrApplication}', and application {invocation.Namespace}/{policyOrApplication} has none (is -n right?)");
    }

    public static string IdOf(JsonElement policy) => policy.Text("id")!;
}
