using System.Diagnostics.CodeAnalysis;
using Logfold.Kafka;
using Logfold.Processing.Stages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetEscapades.Configuration.Yaml;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Logfold.Hosting;

/// <summary>The one set of defaults every Logfold service uses.</summary>
public static class LogfoldHostingExtensions
{
    /// <summary>How long the stage loop may go without ticking before <c>/health</c> fails.</summary>
    public static readonly TimeSpan LivenessTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// YAML configuration (<c>appsettings.yaml</c>, then <c>appsettings.{Environment}.yaml</c>) below environment
    /// variables (<c>LOGFOLD__KAFKA__BOOTSTRAPSERVERS</c> is <c>Logfold:Kafka:BootstrapServers</c>) and the command
    /// line; structured JSON console logs; OpenTelemetry metrics for every <c>Logfold.*</c> meter with a Prometheus
    /// endpoint; options validated on start with unknown sections and keys rejected.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="serviceName">The service name (the OpenTelemetry resource), such as <c>logfold-detector</c>.</param>
    public static WebApplicationBuilder AddLogfoldDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        InsertYaml(builder);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<KnownSections>();
        builder.Services.AddHostedService<UnknownSectionsValidator>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m => m.AddMeter("Logfold.*").AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="sectionName"/> with unknown keys as errors, validates it
    /// (data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) on start, and
    /// records the section as known.
    /// </summary>
    public static IServiceCollection AddLogfoldOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<T>()
            .Bind(configuration.GetSection(sectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        KnownSectionsOf(services).Add(sectionName);
        return services;
    }

    /// <summary>Marks a section bound elsewhere (for example by <c>AddLogfoldCodecs</c>) as known.</summary>
    public static IServiceCollection AddKnownLogfoldSection(this IServiceCollection services, string sectionName)
    {
        KnownSectionsOf(services).Add(sectionName);
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="TProcessor"/> in a stage loop for the host's lifetime: binds
    /// <see cref="KafkaOptions"/> and <see cref="StageOptions"/>, creates the service's one
    /// <c>Meter(<paramref name="meterName"/>)</c>, and stops the host with exit code 1 on a fatal error.
    /// </summary>
    public static IServiceCollection AddLogfoldStage<TProcessor>(this IServiceCollection services, IConfiguration configuration, string meterName)
        where TProcessor : class, IStageProcessor
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogfoldOptions<KafkaOptions>(configuration, KafkaOptions.SectionName);
        services.AddLogfoldOptions<StageOptions>(configuration, StageOptions.SectionName);
        services.TryAddSingleton<IKafkaClientFactory, KafkaClientFactory>();
        services.TryAddSingleton<TProcessor>();
        services.AddSingleton(sp => new StageMetrics(meterName, sp.GetRequiredService<TProcessor>().Name));
        services.AddSingleton(sp => new StageWorker(
            sp.GetRequiredService<TProcessor>(),
            sp.GetRequiredService<IOptions<StageOptions>>().Value,
            sp.GetRequiredService<IOptions<KafkaOptions>>().Value,
            sp.GetRequiredService<IKafkaClientFactory>(),
            sp.GetRequiredService<StageMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Logfold.Stage." + meterName)));
        services.AddSingleton(sp => sp.GetRequiredService<StageWorker>().Status);
        services.AddHostedService<StageHostedService>();
        return services;
    }

    /// <summary>
    /// Maps <c>/metrics</c> (Prometheus), <c>/health</c> (the stage loop ticked within <see cref="LivenessTimeout"/>
    /// and has not failed) and <c>/ready</c> (partitions assigned and the producer ready).
    /// </summary>
    public static WebApplication MapLogfoldEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        app.MapGet("/health", (IServiceProvider sp) => Health(sp.GetService<StageStatus>(), sp.GetRequiredService<TimeProvider>()));
        app.MapGet("/ready", (IServiceProvider sp) => Ready(sp.GetService<StageStatus>()));
        return app;
    }

    internal static IResult Health(StageStatus? status, TimeProvider time)
    {
        if (status is null)
        {
            return Results.Text("ok");
        }

        if (status.FatalError is { } fatal)
        {
            return Results.Text("stopped: " + fatal, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Before the first tick the loop is still starting (InitTransactions, group join): alive.
        if (status.LastTick != 0 && time.GetElapsedTime(status.LastTick) > LivenessTimeout)
        {
            return Results.Text("the stage loop has not ticked for " + ((int)time.GetElapsedTime(status.LastTick).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text("ok");
    }

    internal static IResult Ready(StageStatus? status)
    {
        if (status is null)
        {
            return Results.Text("ready");
        }

        if (!status.ProducerReady)
        {
            return Results.Text("producer not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return status.AssignedPartitions > 0
            ? Results.Text("ready")
            : Results.Text("no partitions assigned", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static KnownSections KnownSectionsOf(IServiceCollection services)
    {
        foreach (var d in services)
        {
            if (d.ServiceType == typeof(KnownSections) && d.ImplementationInstance is KnownSections k)
            {
                return k;
            }
        }

        var known = new KnownSections();
        services.AddSingleton(known);
        return known;
    }

    private static void InsertYaml(WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var at = sources.Count;
        for (var i = 0; i < sources.Count; i++)
        {
            // Below the unprefixed environment variables and the command line, which always win.
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                at = i;
                break;
            }
        }

        var files = builder.Environment.ContentRootFileProvider;
        sources.Insert(at, new YamlConfigurationSource { Path = "appsettings.yaml", Optional = true, ReloadOnChange = false, FileProvider = files });
        sources.Insert(at + 1, new YamlConfigurationSource { Path = $"appsettings.{builder.Environment.EnvironmentName}.yaml", Optional = true, ReloadOnChange = false, FileProvider = files });
    }
}
