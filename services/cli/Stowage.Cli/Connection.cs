using System.CommandLine;

namespace Stowage.Cli;

/// <summary>Where the CLI calls, as whom, and the namespace a command means.</summary>
internal sealed record Connection(Uri Server, string? Token, string Namespace)
{
    /// <summary>The file a running local install (stowage-local demo --keep) leaves its front door's address in.</summary>
    public static string LocalAddressFile(string home) => Path.Combine(home, ".stowage", "local-api-url");

    public const string DefaultServer = "http://localhost:5100";

    public static Connection Resolve(ParseResult parse, CliEnvironment environment)
    {
        var kubeconfig = new Lazy<Kubeconfig>(() => Kubeconfig.Load(environment));
        var given = parse.GetValue(GlobalOptions.Server) ?? NonEmpty(environment.Variable("STOWAGE_URL"));
        var local = given is null ? Read(LocalAddressFile(environment.Home)) : null;
        var server = given ?? local ?? DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--server '{server}' is not an http(s) address.");
        // The local install's operator token goes to the local install only.
        var token = parse.GetValue(GlobalOptions.Token) ?? NonEmpty(environment.Variable("STOWAGE_TOKEN"))
            ?? (local is not null ? Read(LocalTokenFile(environment.Home)) : null) ?? kubeconfig.Value.Token;
        var ns = parse.GetValue(GlobalOptions.Namespace) ?? kubeconfig.Value.Namespace ?? "default";
        return new Connection(uri, token, ns);
    }

    /// <summary>Its operator's token, beside it (readable by its owner only).</summary>
    public static string LocalTokenFile(string home) => Path.Combine(home, ".stowage", "local-api-token");

    private static string? Read(string file) => File.Exists(file) ? NonEmpty(File.ReadAllText(file).Trim()) : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
