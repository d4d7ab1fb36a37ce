namespace Stowage.Cli;

/// <summary>What the exit code tells a script (README, "CLI").</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service refused the request (problem details printed as one line).</summary>
    public const int Refused = 1;

    /// <summary>Bad usage: an unknown command or flag, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>The front door did not answer.</summary>
    public const int Unreachable = 3;

    /// <summary>With --wait: the backup or restore finished, but not successfully.</summary>
    public const int Failed = 4;
}
