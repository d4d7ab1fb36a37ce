using System.Collections.Concurrent;
using Stowage.Contracts;
using Stowage.Contracts.Discovery;
using Stowage.Discovery.Publishing;

namespace Stowage.Discovery.Tests.Watching;

/// <summary>Stands in for the Dapr publisher: keeps every event in order.</summary>
internal sealed class RecordingApplicationEventPublisher : IApplicationEventPublisher
{
    private readonly ConcurrentQueue<IIntegrationEvent> events = new();
    private int failuresLeft;
    private int failures;

    /// <summary>How many publishes were refused, as a pub/sub outage would refuse them.</summary>
    public int Failures => Volatile.Read(ref failures);

    /// <summary>Refuses the next <paramref name="count"/> publishes.</summary>
    public void FailNext(int count) => Volatile.Write(ref failuresLeft, count);

    public IReadOnlyList<IIntegrationEvent> All => events.ToList();

    public IReadOnlyList<T> Of<T>()
        where T : IIntegrationEvent => events.OfType<T>().ToList();

    public IReadOnlyList<string> Describe() => events.Select(e => e switch
    {
        ApplicationDiscovered d => $"discovered {d.Application.Id}",
        ApplicationChanged c => $"changed {c.Application.Id} [{string.Join(",", c.Changes)}]",
        ApplicationRemoved r => $"removed {r.Application.Id}",
        _ => e.GetType().Name,
    }).ToList();

    public Task PublishAsync(ApplicationDiscovered discovered, CancellationToken cancellationToken) => Record(discovered);

    public Task PublishAsync(ApplicationChanged changed, CancellationToken cancellationToken) => Record(changed);

    public Task PublishAsync(ApplicationRemoved removed, CancellationToken cancellationToken) => Record(removed);

    private Task Record(IIntegrationEvent integrationEvent)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            Interlocked.Increment(ref failures);
            throw new InvalidOperationException("pub/sub is unavailable");
        }
        events.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}
