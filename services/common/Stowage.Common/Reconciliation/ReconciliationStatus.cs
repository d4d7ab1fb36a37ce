namespace Stowage.Common.Reconciliation;

/// <summary>What the last reconciliation pass found, for the readiness check and the status endpoint.</summary>
public sealed class ReconciliationStatus
{
    private readonly Lock gate = new();

    public DateTimeOffset? LastCompletedAt { get; private set; }

    public IReadOnlyList<string> Unfixed { get; private set; } = [];

    public string? LastError { get; private set; }

    public long DriftFixed { get; private set; }

    public void Completed(DateTimeOffset at, ReconciliationPass pass)
    {
        lock (gate)
        {
            LastCompletedAt = at;
            Unfixed = pass.Unfixed;
            LastError = null;
            DriftFixed += pass.Fixed.Count;
        }
    }

    public void Failed(string error)
    {
        lock (gate) LastError = error;
    }
}
