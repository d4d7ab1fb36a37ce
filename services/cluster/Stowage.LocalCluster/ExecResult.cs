namespace Stowage.LocalCluster;

/// <summary>What a command run through <c>pods/exec</c> wrote and how it ended.</summary>
public sealed record ExecResult(int ExitCode, string Stdout = "", string Stderr = "");
