using System.Collections.Concurrent;
using Stowage.Common.Messaging;
using Stowage.Contracts;

namespace Stowage.Common.Tests.EventSourcing;

/// <summary>
/// The real publisher, with a switch that makes pub/sub refuse events and a gate that holds the caller after one publish
/// succeeded (between the publish and whatever the caller does next). Records every event it handed on, in order.
/// </summary>
public sealed class ControlledEventPublisher(IEventPublisher inner) : IEventPublisher
{
    private readonly ConcurrentQueue<Guid> published = new();
    private PublishHold? nextHold;
    private volatile bool down;
    private int refused;

    public IReadOnlyList<Guid> Published => [.. published];

    /// <summary>How many publishes were refused while down.</summary>
    public int Refused => Volatile.Read(ref refused);

    public void GoDown() => down = true;

    public void ComeBack() => down = false;

    /// <summary>Holds the caller of the next successful publish until <see cref="PublishHold.Release"/>.</summary>
    public PublishHold HoldAfterNextPublish() => nextHold = new PublishHold();

    public async Task PublishAsync<TEvent>(string topic, TEvent @event, CancellationToken cancellationToken) where TEvent : IIntegrationEvent
    {
        if (down)
        {
            Interlocked.Increment(ref refused);
            throw new HttpRequestException("pub/sub is down (test)");
        }
        await inner.PublishAsync(topic, @event, cancellationToken);
        published.Enqueue(@event.EventId);
        if (Interlocked.Exchange(ref nextHold, null) is { } hold) await hold.HoldAsync(cancellationToken);
    }
}

public sealed class PublishHold
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a publisher is held.</summary>
    public Task Reached => reached.Task;

    public void Release() => released.TrySetResult();

    internal async Task HoldAsync(CancellationToken cancellationToken)
    {
        reached.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
    }
}
