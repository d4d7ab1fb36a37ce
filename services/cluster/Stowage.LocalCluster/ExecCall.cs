namespace Stowage.LocalCluster;

/// <summary>One <c>pods/exec</c> request the server received.</summary>
public sealed record ExecCall(string Namespace, string Pod, string Container, IReadOnlyList<string> Command)
{
    /// <inheritdoc />
    public bool Equals(ExecCall? other) =>
        other is not null && (Namespace, Pod, Container) == (other.Namespace, other.Pod, other.Container) && Command.SequenceEqual(other.Command);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Namespace, Pod, Container, Command.Count);
}
