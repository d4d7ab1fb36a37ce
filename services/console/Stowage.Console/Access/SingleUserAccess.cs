using Stowage.Common.Access;

namespace Stowage.Console.Access;

/// <summary>
/// The single-machine install (Console:Access = single-user): whoever reaches the loopback address is its one
/// operator. Never chosen by default; a cluster install reviews every token. The services still authorize every
/// call: the console forwards the operator's token (Console:OperatorToken).
/// </summary>
internal sealed class SingleUserAccess(IConfiguration configuration) : IViewerAccess
{
    private static readonly Viewer Operator = new(new Caller("local-operator", null, ["system:authenticated"], new Dictionary<string, IReadOnlyList<string>>()), null);

    public Task<Viewer?> AuthenticateAsync(string? token, CancellationToken ct) =>
        Task.FromResult<Viewer?>(Operator with { Token = token ?? configuration["Console:OperatorToken"] });

    public Task<bool> MayAsync(Viewer viewer, Permission permission, CancellationToken ct) => Task.FromResult(true);
}
