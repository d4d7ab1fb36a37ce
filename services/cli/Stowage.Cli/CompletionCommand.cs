using System.CommandLine;

namespace Stowage.Cli;

/// <summary>
/// <c>stowage completion bash|zsh</c> prints a script that asks stowage itself for completions through
/// System.CommandLine's suggest directive (<c>stowage "[suggest:POSITION]" "LINE"</c>), so it always knows every command and flag.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script: source <(stowage completion bash).") { shell };
        command.SetAction(parse =>
        {
            environment.Console.Profile.Out.Writer.Write(parse.GetValue(shell) == "zsh" ? Zsh : Bash);
            return ExitCodes.Ok;
        });
        return command;
    }

    private const string Bash = """
        # stowage completion for bash: source <(stowage completion bash)
        _stowage_complete() {
            local IFS=$'\n'
            COMPREPLY=($(stowage "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null | grep -- "^${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _stowage_complete stowage

        """;

    private const string Zsh = """
        # stowage completion for zsh: source <(stowage completion zsh)
        _stowage_complete() {
            local -a candidates
            candidates=("${(@f)$(stowage "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
            compadd -- $candidates
        }
        compdef _stowage_complete stowage

        """;
}
