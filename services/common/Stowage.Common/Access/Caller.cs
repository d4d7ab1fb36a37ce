using System.Security.Claims;
using System.Text.Json;

namespace Stowage.Common.Access;

/// <summary>
/// Who made a request, as Kubernetes' TokenReview named them. It carries no token: it may be kept (in a workflow's
/// input, in a log) where the token must never go.
/// </summary>
public sealed record Caller(string UserName, string? Uid, IReadOnlyList<string> Groups, IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    private const string UidClaim = "stowage:uid";
    private const string ExtraClaim = "stowage:extra";

    /// <summary>A ServiceAccount as TokenReview names the holder of its token: its user name and the groups every one of them is in.</summary>
    public static Caller OfServiceAccount(string ns, string name) => new($"system:serviceaccount:{ns}:{name}", null,
        ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"], new Dictionary<string, IReadOnlyList<string>>());

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, UserName) };
        if (Uid is not null) claims.Add(new Claim(UidClaim, Uid));
        claims.AddRange(Groups.Select(group => new Claim(ClaimTypes.GroupSid, group)));
        if (Extra.Count > 0) claims.Add(new Claim(ExtraClaim, JsonSerializer.Serialize(Extra)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller a principal made by <see cref="ToPrincipal"/> stands for; null when it is not authenticated.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name }) return null;
        var extra = principal.FindFirst(ExtraClaim)?.Value is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(json)!
            : new Dictionary<string, IReadOnlyList<string>>();
        return new Caller(name, principal.FindFirst(UidClaim)?.Value, principal.FindAll(ClaimTypes.GroupSid).Select(c => c.Value).ToList(), extra);
    }
}
