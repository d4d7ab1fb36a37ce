namespace Stowage.Mover.Cli;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int WrongPassword = 3;
    public const int RepositoryDamaged = 4;
}
