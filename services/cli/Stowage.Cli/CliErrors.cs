namespace Stowage.Cli;

/// <summary>Bad usage found after parsing (a value in the wrong form, a flag that needs another).</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The service answered with an error; <see cref="Exception.Message"/> is its problem as one line.</summary>
internal sealed class RefusedException(int status, string problem) : Exception($"{status} {problem}")
{
    public int Status { get; } = status;
}

/// <summary>A waited-for backup or restore ended without succeeding.</summary>
internal sealed class FailedException(string message) : Exception(message);
