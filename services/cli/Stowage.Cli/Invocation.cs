using System.CommandLine;

namespace Stowage.Cli;

/// <summary>What a command's action works with: its parsed line, the API, the output and the namespace it means.</summary>
internal sealed record Invocation(ParseResult Parse, StowageApi Api, Output Output, CliEnvironment Environment, CancellationToken Cancellation)
{
    public string Namespace => Api.Connection.Namespace;

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}

internal static class CommandActions
{
    /// <summary>Runs <paramref name="action"/> with a connection to the front door; its failures become one line and an exit code.</summary>
    public static Command WithApi(this Command command, CliEnvironment environment, Func<Invocation, Task<int>> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var api = new StowageApi(Connection.Resolve(parse, environment));
                return await action(new Invocation(parse, api, new Output(environment.Console, parse.GetValue(GlobalOptions.Output) ?? "table"), environment, ct));
            }
            catch (UsageException e)
            {
                return Fail(environment, e.Message, ExitCodes.Usage, $" (see 'stowage {CommandPath(parse)} --help')");
            }
            catch (RefusedException e)
            {
                return Fail(environment, e.Message, ExitCodes.Refused);
            }
            catch (FailedException e)
            {
                return Fail(environment, e.Message, ExitCodes.Failed);
            }
            catch (HttpRequestException e)
            {
                var server = parse.GetValue(GlobalOptions.Server) ?? environment.Variable("STOWAGE_URL") ?? "the default address";
                return Fail(environment, $"cannot reach the Stowage API at {server} ({e.Message}); set STOWAGE_URL or --server", ExitCodes.Unreachable);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return Fail(environment, "the Stowage API did not answer in time", ExitCodes.Unreachable);
            }
        });
        return command;
    }

    private static int Fail(CliEnvironment environment, string message, int code, string hint = "")
    {
        environment.Error.WriteLine($"error: {message}{hint}");
        return code;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }
}
