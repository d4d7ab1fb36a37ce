using System.Text.RegularExpressions;

namespace Stowage.LocalCluster.Manifests;

/// <summary>
/// The one piece of Helm template syntax the fake renders, <c>{{ .Release.Namespace }}</c> (or <c>$.Release.Namespace</c>):
/// Helm cannot be installed here, and rendering anything more (range, if, include, values, trim markers) would be a
/// second template engine that could disagree with Helm. Any other <c>{{</c> is refused, naming its line.
/// </summary>
internal static partial class ReleaseNamespaceTemplate
{
    public static string Render(string template, string releaseNamespace)
    {
        var rendered = ReleaseNamespace().Replace(template, releaseNamespace);
        var other = rendered.IndexOf("{{", StringComparison.Ordinal);
        if (other >= 0)
        {
            var line = rendered[..other].Count(c => c == '\n') + 1;
            var text = rendered[other..].Split('\n', 2)[0].Trim();
            throw new ArgumentException(
                $"Line {line}: template syntax '{text}' is not supported; only {{{{ .Release.Namespace }}}} and {{{{ $.Release.Namespace }}}} " +
                "are substituted (Helm is not installed here). Render the chart elsewhere or keep what tests read in plain manifests.",
                nameof(template));
        }
        return rendered;
    }

    [GeneratedRegex(@"\{\{ *\$?\.Release\.Namespace *\}\}")]
    private static partial Regex ReleaseNamespace();
}
