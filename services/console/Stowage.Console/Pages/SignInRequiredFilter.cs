using Microsoft.AspNetCore.Mvc.Filters;
using Stowage.Console.Access;

namespace Stowage.Console.Pages;

/// <summary>Every page but the sign-in page needs a viewer; without one the browser is sent to sign in, and back afterwards.</summary>
internal sealed class SignInRequiredFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.ActionDescriptor.ViewEnginePath == "/SignIn")
        {
            await next();
            return;
        }
        var viewer = context.HttpContext.RequestServices.GetRequiredService<ViewerContext>();
        if (await viewer.CurrentAsync(context.HttpContext.RequestAborted) is null)
        {
            var back = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult($"/sign-in?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }
        await next();
    }
}
