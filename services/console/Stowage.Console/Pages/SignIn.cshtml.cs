using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stowage.Console.Access;

namespace Stowage.Console.Pages;

/// <summary>A token pasted once is kept in an HttpOnly, same-site cookie and reviewed by the cluster on every request; no second login exists.</summary>
public sealed class SignInModel(IViewerAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        token = token.Trim();
        if (await access.AuthenticateAsync(token, ct) is null)
        {
            Error = "The cluster did not accept this token: it is invalid or expired.";
            return Page();
        }
        Response.Cookies.Append(ViewerContext.TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, Path = "/" });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
