using Microsoft.AspNetCore.Http;

namespace Stowage.Common.Access;

/// <summary>
/// What the caller of the current request may do, each permission asked once per request. Endpoints call
/// <see cref="RequireAsync"/> before they change or show anything, and filter lists with <see cref="MayAsync"/>.
/// </summary>
public sealed class CallerAccess(IAccessReview review, IHttpContextAccessor http)
{
    private readonly Dictionary<Permission, bool> answers = [];

    /// <summary>The authenticated caller; every API route requires one, so its absence is a wiring error.</summary>
    public Caller Caller => Caller.FromPrincipal(http.HttpContext?.User ?? new())
        ?? throw new InvalidOperationException("The request has no authenticated caller; is the route outside the API?");

    public async Task<bool> MayAsync(Permission permission, CancellationToken ct)
    {
        if (answers.TryGetValue(permission, out var known)) return known;
        var allowed = await review.IsAllowedAsync(Caller, permission, ct);
        answers[permission] = allowed;
        return allowed;
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> (403) unless the caller has every one of the permissions.</summary>
    public async Task RequireAsync(CancellationToken ct, params Permission[] permissions)
    {
        foreach (var permission in permissions)
            if (!await MayAsync(permission, ct)) throw new AccessDeniedException(Caller, permission);
    }

    /// <summary>The items whose namespace the caller may see with the given permission.</summary>
    public async Task<IReadOnlyList<T>> VisibleAsync<T>(IEnumerable<T> items, Func<T, string> namespaceOf, Func<string, Permission> see, CancellationToken ct)
    {
        var visible = new List<T>();
        foreach (var item in items)
            if (await MayAsync(see(namespaceOf(item)), ct)) visible.Add(item);
        return visible;
    }
}
