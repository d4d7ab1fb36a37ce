using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;
using YamlDotNet.Serialization;

namespace Stowage.Cli;

/// <summary>Prints an answer: a table for people (the default), or the service's JSON as JSON or YAML for scripts.</summary>
internal sealed class Output(IAnsiConsole console, string format)
{
    public string Format => format;

    public bool ForPeople => format == "table";

    public IAnsiConsole Console => console;

    /// <summary>Prints <paramref name="value"/>: <paramref name="table"/> of it for people, else the value itself.</summary>
    public void Print(JsonElement value, Func<JsonElement, IRenderable> table)
    {
        switch (format)
        {
            case "json":
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "yaml":
                console.Profile.Out.Writer.Write(new SerializerBuilder().Build().Serialize(Plain(value)));
                break;
            default:
                console.Write(table(value));
                break;
        }
    }

    /// <summary>A line for people (tables only; JSON and YAML output stay parseable).</summary>
    public void Say(string text)
    {
        if (ForPeople) console.Write(new Text(text + Environment.NewLine));
    }

    /// <summary>A table with one header a column and one row an item, cells as plain text.</summary>
    public static Table Rows(IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        var table = new Table().NoBorder();
        foreach (var header in headers) table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))).PadRight(2).PadLeft(0).NoWrap());
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell ?? "-")).ToArray());
        return table;
    }

    /// <summary>"Field: value" lines, as `describe` prints.</summary>
    public static Grid Fields(IEnumerable<(string Name, string? Value)> fields)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (name, value) in fields) grid.AddRow(new Text(name + ":", new Style(decoration: Decoration.Bold)), new Text(value ?? "-"));
        return grid;
    }

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
