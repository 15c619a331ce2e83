using Logfold.Contracts;
using Logfold.Processing.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Logfold.Serialization;

/// <summary>Registers the record codecs.</summary>
public static class SerializationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SerializationOptions"/> from <c>Logfold:Serialization</c> (unknown keys are errors,
    /// validated on start) and registers <see cref="RecordCodecs"/>, <c>IRecordCodec&lt;DetectedRecord&gt;</c> for
    /// <see cref="SerializationOptions.DetectedTopic"/> and <c>IRecordCodec&lt;EcsDocument&gt;</c> for
    /// <see cref="SerializationOptions.NormalizedTopic"/>, in each topic's configured format.
    /// </summary>
    public static IServiceCollection AddLogfoldCodecs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SerializationOptions>()
            .Bind(configuration.GetSection(SerializationOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SerializationOptions>, SerializationOptionsValidator>());
        services.TryAddSingleton<RecordCodecs>();
        services.TryAddSingleton(sp => sp.GetRequiredService<RecordCodecs>().ForDetected(sp.GetRequiredService<IOptions<SerializationOptions>>().Value.DetectedTopic));
        services.TryAddSingleton(sp => sp.GetRequiredService<RecordCodecs>().ForEcs(sp.GetRequiredService<IOptions<SerializationOptions>>().Value.NormalizedTopic));
        return services;
    }
}
