using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Stowage.Deployment.Tests.AsyncApi;

/// <summary>The XML documentation of the contracts assembly, as plain sentences for the AsyncAPI document.</summary>
internal sealed partial class ContractDocs
{
    private readonly Dictionary<string, XElement> members;

    private ContractDocs(Dictionary<string, XElement> members) => this.members = members;

    public static ContractDocs Load()
    {
        var path = Path.ChangeExtension(typeof(Stowage.Contracts.IIntegrationEvent).Assembly.Location, ".xml");
        var document = XDocument.Load(path);
        return new ContractDocs(document.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!));
    }

    public string? Summary(Type type) => Text(Member($"T:{type.FullName}")?.Element("summary"));

    public string? Parameter(Type type, string name) =>
        Text(Member($"T:{type.FullName}")?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

    public string? Field(Type type, string name) => Text(Member($"F:{type.FullName}.{name}")?.Element("summary"));

    private XElement? Member(string name) => members.GetValueOrDefault(name);

    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var text = string.Concat(element.Nodes().Select(Plain));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Plain(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" } see => ((string?)see.Attribute("cref"))?.Split('.', ':').Last() ?? see.Value,
        XElement { Name.LocalName: "paramref" } reference => ContractSchemas.JsonName((string)reference.Attribute("name")!),
        XElement element => string.Concat(element.Nodes().Select(Plain)),
        _ => "",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
