using Logfold.Contracts;
using Logfold.Hosting;
using Logfold.Processing.Detect;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Microsoft.Extensions.Options;

namespace Logfold.Normalizer;

/// <summary>Builds the normalizer service: the stage loop around <see cref="NormalizerStage"/>, with the Logfold defaults.</summary>
public static class NormalizerHost
{
    /// <summary>The service's meter.</summary>
    public const string MeterName = "Logfold.Normalizer";

    /// <summary>Builds the application (tests pass a content root holding their <c>appsettings.yaml</c>).</summary>
    public static WebApplication Build(string[] args, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.AddLogfoldDefaults("logfold-normalizer");
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddLogfoldOptions<NormalizerOptions>(config, NormalizerOptions.SectionName);
        services.AddLogfoldOptions<NormalizeOptions>(config, NormalizeOptions.SectionName);
        services.AddLogfoldCodecs(config).AddKnownLogfoldSection(SerializationOptions.SectionName);
        services.AddSingleton(sp => new LogNormalizer(
            SourceCatalog.BuiltIn(),
            new DetectionOptions(),
            sp.GetRequiredService<IOptions<NormalizeOptions>>().Value.MaxEventBytes));
        services.AddSingleton(sp => new NormalizerStage(
            sp.GetRequiredService<LogNormalizer>(),
            sp.GetRequiredService<IOptions<NormalizeOptions>>().Value.ToContext(sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<IRecordCodec<DetectedRecord>>(),
            sp.GetRequiredService<IRecordCodec<EcsDocument>>(),
            sp.GetRequiredService<IOptions<NormalizerOptions>>().Value.UnknownSources));
        services.AddLogfoldStage<NormalizerStage>(config, MeterName);
        var app = builder.Build();
        app.MapLogfoldEndpoints();
        return app;
    }
}
