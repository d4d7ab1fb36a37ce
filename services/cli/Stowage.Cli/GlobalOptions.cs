using System.CommandLine;

namespace Stowage.Cli;

/// <summary>Flags every command takes: where the API is, who calls, which namespace, how answers print.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Server = new("--server", "-s")
    {
        Description = "The front door's address (default: STOWAGE_URL, else the running local install's, else http://localhost:5100).",
        Recursive = true,
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "Bearer token (default: STOWAGE_TOKEN, else the current kubeconfig context's user token).",
        Recursive = true,
    };

    public static readonly Option<string?> Namespace = new("--namespace", "-n")
    {
        Description = "Namespace of the application (default: the current kubeconfig context's, else 'default').",
        Recursive = true,
    };

    public static readonly Option<string> Output = CreateOutput();

    public static IEnumerable<Option> All => [Server, Token, Namespace, Output];

    private static Option<string> CreateOutput()
    {
        var output = new Option<string>("--output", "-o") { Description = "table (default), json or yaml.", Recursive = true, DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "yaml");
        return output;
    }
}
