using FluentValidation;
using Stowage.Common.EventSourcing;
using Stowage.Common.Targets;
using Stowage.Contracts.Policies;
using Stowage.Policy.Api;
using Stowage.Policy.Domain;
using Stowage.Policy.Projections;
using Stowage.Policy.Suggestions;
using Stowage.Policy.Targets;

namespace Stowage.Policy.Extensions;

internal static class PolicyServiceExtensions
{
    public static WebApplicationBuilder AddPolicyService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<PolicyCommandHandler>(includeInternalTypes: true);
        services.AddEventStore<PolicyEvent>(new EventStoreOptions("policy", e => ((PolicyEvent)e) switch
        {
            PolicyCreated => PolicyTopics.Created,
            PolicyChanged => PolicyTopics.Changed,
            PolicyPaused => PolicyTopics.Paused,
            PolicyResumed => PolicyTopics.Resumed,
            PolicyOrphaned => PolicyTopics.Orphaned,
            PolicyAdopted => PolicyTopics.Adopted,
            PolicyDeleted => PolicyTopics.Deleted,
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        }));
        services.AddSingleton<PolicyCommandHandler>();
        services.AddSingleton<PolicyViews>();
        services.AddSingleton<ApplicationIndex>();
        services.AddSingleton<ICredentialsResolver>(sp => new CredentialsResolver(sp.GetRequiredService<IConfiguration>()));
        services.AddTargetAddressPolicy(builder.Configuration);
        services.AddSingleton<TargetChecker>();
        services.AddSingleton<SuggestionStore>();
        services.AddExceptionHandler<PolicyExceptionHandler>();
        return builder;
    }

    public static WebApplication MapPolicyEndpoints(this WebApplication app)
    {
        app.MapPolicyApi();
        app.MapTargetApi();
        app.MapSuggestionApi();
        app.MapDiscoverySubscriptions();
        return app;
    }
}
