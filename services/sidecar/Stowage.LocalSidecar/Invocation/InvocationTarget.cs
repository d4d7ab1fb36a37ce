namespace Stowage.LocalSidecar.Invocation;

/// The app id and method of <c>/v1.0/invoke/APPID/method/METHOD</c>: the app id up to the first "/method/" (URL-unescaped,
/// as daprd does), the method everything after it, still escaped.
internal sealed record InvocationTarget(string AppId, string Method)
{
    private const string MethodSeparator = "/method/";

    public static InvocationTarget? Parse(string rawPath)
    {
        if (!rawPath.StartsWith(ServiceInvoker.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = rawPath[ServiceInvoker.Prefix.Length..];
        var separator = rest.IndexOf(MethodSeparator, StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        return new InvocationTarget(Uri.UnescapeDataString(rest[..separator]), rest[(separator + MethodSeparator.Length)..]);
    }
}
