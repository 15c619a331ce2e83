using Logfold.Kafka;
using Logfold.Processing.Enrich;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Logfold.Enricher;

/// <summary>
/// Builds the enricher service: configuration (<c>appsettings.yaml</c> beside the binary, then an optional
/// <c>LOGFOLD_CONFIG</c> YAML file, then environment variables and the command line), JSON logs, validated options,
/// the enrichment engine, the stage loop, <c>/health</c>, <c>/ready</c>, <c>/metrics</c> and the admin endpoints.
/// </summary>
public static class EnricherHost
{
    /// <summary>The service's meter (stage counters and enrichment coverage).</summary>
    public const string MeterName = "Logfold.Enricher";

    /// <summary>Builds the application.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">Adds configuration sources after all others (tests).</param>
    /// <param name="services">Changes service registrations after the defaults (tests: fault injection, extra enricher types).</param>
    /// <param name="defaultConfigFile">The base YAML file; default <c>appsettings.yaml</c> beside the binary, empty for none.</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<IServiceCollection>? services = null, string? defaultConfigFile = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        defaultConfigFile ??= Path.Combine(AppContext.BaseDirectory, "appsettings.yaml");
        if (defaultConfigFile.Length > 0)
        {
            builder.Configuration.AddYamlFile(defaultConfigFile, optional: true, reloadOnChange: false);
        }

        var extra = builder.Configuration["LOGFOLD_CONFIG"];
        if (!string.IsNullOrWhiteSpace(extra))
        {
            builder.Configuration.AddYamlFile(Path.GetFullPath(extra), optional: false, reloadOnChange: false);
        }

        // Environment and command line win over the YAML files.
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        configure?.Invoke(builder.Configuration);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        AddEnricher(builder.Services, builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Registers options, the engine, the stage and its loop.</summary>
    internal static void AddEnricher(IServiceCollection services, IConfiguration configuration)
    {
        // One explicit Bind per type, so the configuration binding source generator covers each (no reflection).
        services.AddOptions<KafkaOptions>()
            .Bind(configuration.GetSection(KafkaOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<StageOptions>()
            .Bind(configuration.GetSection(StageOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EnricherServiceOptions>()
            .Bind(configuration.GetSection(EnricherServiceOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<EnrichmentOptions>()
            .Bind(configuration.GetSection(EnrichmentOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>();
        services.TryAddSingleton(EnricherRegistry.Default);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKafkaClientFactory, KafkaClientFactory>();
        services.AddSingleton(_ => new StageMetrics(MeterName, EnricherStage.StageName));
        services.AddSingleton<EnricherMeter>();
        services.AddSingleton(CreateEngine);
        // Formats come from Logfold:Serialization (json or avro, per topic). Input and output are both ECS documents,
        // each with its own topic's format and Avro subject.
        services.AddLogfoldCodecs(configuration);
        services.AddSingleton(sp =>
        {
            var codecs = sp.GetRequiredService<RecordCodecs>();
            var stage = sp.GetRequiredService<IOptions<StageOptions>>().Value;
            return new EnricherStage(sp.GetRequiredService<EnrichmentEngine>(), codecs.ForEcs(stage.InputTopic), codecs.ForEcs(stage.OutputTopic));
        });
        services.AddSingleton(sp => new StageWorker(
            sp.GetRequiredService<EnricherStage>(),
            sp.GetRequiredService<IOptions<StageOptions>>().Value,
            sp.GetRequiredService<IOptions<KafkaOptions>>().Value,
            sp.GetRequiredService<IKafkaClientFactory>(),
            sp.GetRequiredService<StageMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Logfold.Enricher.Stage")));
        services.AddHostedService(sp => new StageHostedService(
            sp.GetRequiredService<StageWorker>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<StageHostedService>>()));

        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(MeterName).AddPrometheusExporter());
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

    /// <summary>
    /// Maps the endpoints. Services resolve per request, not here, so that building the app never validates
    /// options or loads data: that happens on start (ValidateOnStart, then the stage loop's construction).
    /// </summary>
    private static void MapEndpoints(WebApplication app)
    {
        var sp = app.Services;
        var time = sp.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();

        app.MapGet("/health", () =>
        {
            var stale = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EnricherServiceOptions>>().Value.HealthStaleSeconds);
            var status = sp.GetRequiredService<StageWorker>().Status;
            var last = status.LastTick == 0 ? started : status.LastTick;
            var healthy = !status.Stopped && time.GetElapsedTime(last) < stale;
            return healthy ? Results.Text("ok") : Results.Text(status.FatalError ?? "the stage loop has not ticked recently", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/ready", () =>
        {
            var status = sp.GetRequiredService<StageWorker>().Status;
            var ready = !status.Stopped && status.ProducerReady && status.AssignedPartitions > 0;
            return ready ? Results.Text("ready") : Results.Text("not ready: waiting for the producer and a partition assignment", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        AdminEndpoints.Map(app);
    }
}
