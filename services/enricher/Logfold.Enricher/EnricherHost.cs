using Logfold.Hosting;
using Logfold.Processing.Enrich;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Logfold.Enricher;

/// <summary>
/// Builds the enricher service: the Logfold defaults (YAML configuration under environment variables, JSON logs,
/// <c>/health</c>, <c>/ready</c>, <c>/metrics</c>, options validated on start with unknown keys rejected), the
/// enrichment engine, the stage loop around <see cref="EnricherStage"/>, and the admin endpoints.
/// </summary>
public static class EnricherHost
{
    /// <summary>The service's meter (stage counters and enrichment coverage).</summary>
    public const string MeterName = "Logfold.Enricher";

    /// <summary>Builds the application.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="contentRoot">Where <c>appsettings.yaml</c> is read from (default: the binary's directory).</param>
    /// <param name="configure">Adds configuration sources after all others (tests).</param>
    /// <param name="services">Changes registrations after the defaults (tests: extra enricher types).</param>
    public static WebApplication Build(string[] args, string? contentRoot = null, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.AddLogfoldDefaults("logfold-enricher");
        configure?.Invoke(builder.Configuration);
        var s = builder.Services;
        var config = builder.Configuration;
        s.AddLogfoldOptions<EnricherServiceOptions>(config, EnricherServiceOptions.SectionName);

        // The chain is validated against the registry in DI (so hosts and tests can add enricher types).
        s.AddOptions<EnrichmentOptions>()
            .Bind(config.GetSection(EnrichmentOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        s.AddSingleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>();
        s.AddKnownLogfoldSection(EnrichmentOptions.SectionName);
        s.TryAddSingleton(EnricherRegistry.Default);

        // Formats come from Logfold:Serialization (json or avro, per topic). Input and output are both ECS documents,
        // each with its own topic's format and Avro subject.
        s.AddLogfoldCodecs(config).AddKnownLogfoldSection(SerializationOptions.SectionName);
        s.AddSingleton<EnricherMeter>();
        s.AddSingleton(CreateEngine);
        s.AddSingleton(sp =>
        {
            var codecs = sp.GetRequiredService<RecordCodecs>();
            var stage = sp.GetRequiredService<IOptions<Logfold.Kafka.StageOptions>>().Value;
            return new EnricherStage(sp.GetRequiredService<EnrichmentEngine>(), codecs.ForEcs(stage.InputTopic), codecs.ForEcs(stage.OutputTopic));
        });
        s.AddLogfoldStage<EnricherStage>(config, MeterName);
        services?.Invoke(s);

        var app = builder.Build();
        app.MapLogfoldEndpoints();
        AdminEndpoints.Map(app);
        return app;
    }

    private static EnrichmentEngine CreateEngine(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Logfold.Enricher.Enrichment");
        var context = new EnricherContext
        {
            Time = sp.GetRequiredService<TimeProvider>(),
            Reload = options.ToReloadOptions(),
            DataDirectory = options.DataDirectory ?? AppContext.BaseDirectory,
            OnReload = report =>
            {
                if (report.Succeeded)
                {
                    Log.Reloaded(logger, report.Path, report.Version);
                }
                else
                {
                    Log.ReloadRejected(logger, report.Path, report.Version, report.Error?.Message ?? "unknown error");
                }
            },
        };
        var engine = EnrichmentEngine.Create(options, context, new EnrichmentMeterMetrics(sp.GetRequiredService<EnricherMeter>().Meter), sp.GetRequiredService<EnricherRegistry>());
        Log.ChainReady(logger, engine.EnricherNames.Count == 0 ? "(empty)" : string.Join(", ", engine.EnricherNames), engine.DataFiles.Count);
        return engine;
    }
}
