using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Stowage.Deployment.Tests.Chart;

/// <summary>
/// Renders the subset of Helm's template language the chart uses (Helm cannot be installed here): text, <c>{{ expr }}</c>
/// with <c>| default x</c> and <c>| quote</c>, <c>if</c>/<c>else</c>, <c>range</c> (with <c>$v :=</c> or <c>$i, $v :=</c>),
/// and Go's whitespace trimming by <c>{{-</c> and <c>-}}</c>. Anything else fails the render, so a template cannot
/// drift into syntax the tests would silently misread.
/// </summary>
public static partial class ChartTemplate
{
    [GeneratedRegex(@"\{\{(-?)\s*(.*?)\s*(-?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();

    private abstract record Node;
    private sealed record Text(string Value) : Node;
    private sealed record Print(string Expression) : Node;
    private sealed record Block(string Keyword, string Argument, List<Node> Body, List<Node> Else) : Node;

    public static string Render(string template, IReadOnlyDictionary<string, object?> values, string releaseNamespace = "stowage")
    {
        var root = new Dictionary<string, object?> { ["Values"] = values, ["Release"] = new Dictionary<string, object?> { ["Namespace"] = releaseNamespace } };
        var position = 0;
        var nodes = Parse(Tokens(template).ToList(), ref position, out _);
        var output = new StringBuilder();
        Write(nodes, new Scope(root, root, new Dictionary<string, object?>()), output);
        return output.ToString();
    }

    /// <summary>Plain values from YAML: mappings as dictionaries, sequences as lists, scalars as strings.</summary>
    public static object? Plain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Plain(p.Value)),
        YamlSequenceNode list => list.Children.Select(Plain).ToList(),
        YamlScalarNode scalar => scalar.Value,
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static IEnumerable<Node> Tokens(string template)
    {
        var at = 0;
        string? pendingTrim = null;
        foreach (Match match in Action().Matches(template))
        {
            var text = template[at..match.Index];
            if (pendingTrim is not null) text = text.TrimStart();
            if (match.Groups[1].Value == "-") text = text.TrimEnd();
            yield return new Text(text);
            yield return new Print(match.Groups[2].Value);
            pendingTrim = match.Groups[3].Value == "-" ? "" : null;
            at = match.Index + match.Length;
        }
        var rest = template[at..];
        yield return new Text(pendingTrim is not null ? rest.TrimStart() : rest);
    }

    private static List<Node> Parse(List<Node> tokens, ref int position, out string? stop)
    {
        var nodes = new List<Node>();
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (token is not Print { Expression: var expression } || expression.StartsWith("/*", StringComparison.Ordinal))
            {
                if (token is Text) nodes.Add(token);
                continue;
            }
            var keyword = expression.Split(' ', 2)[0];
            if (keyword is "end" or "else") { stop = keyword; return nodes; }
            if (keyword is not ("if" or "range")) { nodes.Add(token); continue; }
            var body = Parse(tokens, ref position, out var ended);
            var otherwise = ended == "else" ? Parse(tokens, ref position, out ended) : [];
            if (ended != "end") throw new FormatException($"'{expression}' has no end");
            nodes.Add(new Block(keyword, expression[keyword.Length..].Trim(), body, otherwise));
        }
        stop = null;
        return nodes;
    }

    private sealed record Scope(object? Dot, object? Root, Dictionary<string, object?> Variables);

    private static void Write(List<Node> nodes, Scope scope, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Text text: output.Append(text.Value); break;
                case Print print: output.Append(Format(Evaluate(print.Expression, scope))); break;
                case Block { Keyword: "if" } block: Write(Truthy(Evaluate(block.Argument, scope)) ? block.Body : block.Else, scope, output); break;
                case Block block: Range(block, scope, output); break;
            }
        }
    }

    private static void Range(Block block, Scope scope, StringBuilder output)
    {
        var parts = block.Argument.Split(":=", 2);
        var names = parts.Length == 2 ? parts[0].Split(',', StringSplitOptions.TrimEntries) : [];
        var items = Evaluate(parts[^1].Trim(), scope) as List<object?> ?? [];
        if (items.Count == 0) { Write(block.Else, scope, output); return; }
        for (var i = 0; i < items.Count; i++)
        {
            var variables = new Dictionary<string, object?>(scope.Variables);
            if (names.Length == 1) variables[names[0]] = items[i];
            if (names.Length == 2) (variables[names[0]], variables[names[1]]) = (i.ToString(System.Globalization.CultureInfo.InvariantCulture), items[i]);
            Write(block.Body, new Scope(items[i], scope.Root, variables), output);
        }
    }

    private static object? Evaluate(string expression, Scope scope)
    {
        var stages = expression.Split('|', StringSplitOptions.TrimEntries);
        var value = Term(stages[0], scope);
        foreach (var stage in stages.Skip(1))
        {
            var words = stage.Split(' ', 2, StringSplitOptions.TrimEntries);
            value = words[0] switch
            {
                "quote" => $"\"{Format(value).Replace("\"", "\\\"")}\"",
                "default" when words.Length == 2 => Truthy(value) ? value : Term(words[1], scope),
                _ => throw new NotSupportedException($"The chart tests cannot render '| {stage}'."),
            };
        }
        return value;
    }

    private static object? Term(string term, Scope scope)
    {
        if (term.StartsWith('"') && term.EndsWith('"')) return term[1..^1];
        if (term.Length > 0 && char.IsDigit(term[0])) return term;
        if (term == ".") return scope.Dot;
        var (start, path) = term switch
        {
            _ when term.StartsWith("$.", StringComparison.Ordinal) => (scope.Root, term[2..]),
            _ when term.StartsWith(".Values.", StringComparison.Ordinal) || term.StartsWith(".Release.", StringComparison.Ordinal) => (scope.Root, term[1..]),
            _ when term.StartsWith('.') => (scope.Dot, term[1..]),
            _ when term.StartsWith('$') && scope.Variables.TryGetValue(term.Split('.', 2)[0], out var variable) => (variable, term.Contains('.') ? term.Split('.', 2)[1] : ""),
            _ => throw new NotSupportedException($"The chart tests cannot render '{term}'."),
        };
        return path.Length == 0 ? start : path.Split('.').Aggregate(start, (current, key) => current is IReadOnlyDictionary<string, object?> map ? map.GetValueOrDefault(key) : null);
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        string s => s is not ("" or "false" or "0"),
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        _ => throw new NotSupportedException("The chart tests render only scalars inline."),
    };
}
