using Stowage.Common.Access;
using Stowage.Console.Protection;

namespace Stowage.Console.Access;

/// <summary>
/// The viewer of one request and the answers Kubernetes gave about them, asked once per namespace and action per request.
/// The token comes from the Authorization header, or from the cookie the sign-in page set.
/// </summary>
public sealed class ViewerContext(IViewerAccess access, IHttpContextAccessor http)
{
    public const string TokenCookie = "stowage-token";

    private readonly Dictionary<Permission, bool> answers = [];
    private Viewer? viewer;
    private bool authenticated;

    public async Task<Viewer?> CurrentAsync(CancellationToken ct)
    {
        if (authenticated) return viewer;
        viewer = await access.AuthenticateAsync(Token(), ct);
        authenticated = true;
        return viewer;
    }

    public async Task<bool> MayAsync(Permission permission, CancellationToken ct)
    {
        if (answers.TryGetValue(permission, out var known)) return known;
        var current = await CurrentAsync(ct);
        var allowed = current is not null && await access.MayAsync(current, permission, ct);
        answers[permission] = allowed;
        return allowed;
    }

    public async Task<IReadOnlyList<ApplicationProtection>> VisibleAsync(IEnumerable<ApplicationProtection> applications, CancellationToken ct)
    {
        var visible = new List<ApplicationProtection>();
        foreach (var application in applications)
        {
            if (await MayAsync(StowageResources.SeePolicies(application.Namespace), ct)) visible.Add(application);
        }
        return visible;
    }

    private string? Token()
    {
        var request = http.HttpContext?.Request;
        if (request is null) return null;
        if (BearerTokenHandler.TokenOf(request) is { } token) return token;
        return request.Cookies.TryGetValue(TokenCookie, out var cookie) ? cookie : null;
    }
}
