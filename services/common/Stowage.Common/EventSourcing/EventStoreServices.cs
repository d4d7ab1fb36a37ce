using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stowage.Contracts;

namespace Stowage.Common.EventSourcing;

public static class EventStoreServices
{
    /// <summary>
    /// Registers <see cref="IEventStore{TEvent}"/> for one category of streams, and the background publisher that publishes
    /// what appends could not (see docs/event-store.md).
    /// Needs a <see cref="Dapr.Client.DaprClient"/> and an <see cref="Messaging.IEventPublisher"/> (the service defaults add both).
    /// </summary>
    public static IServiceCollection AddEventStore<TEvent>(this IServiceCollection services, EventStoreOptions options)
        where TEvent : class, IIntegrationEvent
    {
        services.AddMetrics();
        services.TryAddSingleton<EventStoreMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PendingStreams<TEvent>>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StreamPublisher<TEvent>>(sp, options));
        services.AddSingleton<IEventStore<TEvent>>(sp => ActivatorUtilities.CreateInstance<DaprEventStore<TEvent>>(sp, options));
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<PendingEventPublisher<TEvent>>(sp, options));
        return services;
    }
}
