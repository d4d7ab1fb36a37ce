using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Stowage.Common.Targets;

public static class TargetAddressRegistration
{
    /// <summary>The <see cref="TargetAddressPolicy"/> of the "Targets" configuration section; a bad entry stops the service at start.</summary>
    public static IServiceCollection AddTargetAddressPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TargetAddressOptions>().Bind(configuration.GetSection(TargetAddressOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetAddressOptions>, EntriesParse>());
        services.TryAddSingleton(sp => new TargetAddressPolicy(sp.GetRequiredService<IOptions<TargetAddressOptions>>().Value));
        return services;
    }

    private sealed class EntriesParse : IValidateOptions<TargetAddressOptions>
    {
        public ValidateOptionsResult Validate(string? name, TargetAddressOptions options)
        {
            try
            {
                _ = new TargetAddressPolicy(options);
                return ValidateOptionsResult.Success;
            }
            catch (FormatException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
