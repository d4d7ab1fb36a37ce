namespace Stowage.Console.Access;

/// <summary>
/// The single-machine install (Console:Access = single-user): whoever reaches the loopback address is its one
/// operator, as with the services' own APIs there. Never chosen by default; a cluster install reviews every token.
/// </summary>
internal sealed class SingleUserAccess : IViewerAccess
{
    private static readonly Viewer Operator = new("local-operator", null, ["system:authenticated"], new Dictionary<string, IReadOnlyList<string>>(), null);

    public Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct) => Task.FromResult<Viewer?>(Operator with { Token = token });

    public Task<bool> MayAsync(Viewer viewer, ViewerAction action, CancellationToken ct) => Task.FromResult(true);
}
