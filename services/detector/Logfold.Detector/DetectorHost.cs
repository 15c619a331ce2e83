using Logfold.Contracts;
using Logfold.Hosting;
using Logfold.Processing.Detect;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Microsoft.Extensions.Options;

namespace Logfold.Detector;

/// <summary>Builds the detector service: the stage loop around <see cref="DetectorStage"/>, with the Logfold defaults.</summary>
public static class DetectorHost
{
    /// <summary>The service's meter.</summary>
    public const string MeterName = "Logfold.Detector";

    /// <summary>Builds the application (tests pass a content root holding their <c>appsettings.yaml</c>).</summary>
    public static WebApplication Build(string[] args, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.AddLogfoldDefaults("logfold-detector");
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddLogfoldOptions<DetectorOptions>(config, DetectorOptions.SectionName);
        services.AddLogfoldOptions<DetectionOptions>(config, DetectionOptions.SectionName);
        services.AddLogfoldCodecs(config).AddKnownLogfoldSection(SerializationOptions.SectionName);
        services.AddSingleton(sp => new LogNormalizer(
            SourceCatalog.BuiltIn(),
            sp.GetRequiredService<IOptions<DetectionOptions>>().Value,
            sp.GetRequiredService<IOptions<DetectorOptions>>().Value.MaxEventBytes));
        services.AddSingleton(sp => new DetectorStage(sp.GetRequiredService<LogNormalizer>(), sp.GetRequiredService<IRecordCodec<DetectedRecord>>()));
        services.AddLogfoldStage<DetectorStage>(config, MeterName);
        var app = builder.Build();
        app.MapLogfoldEndpoints();
        return app;
    }
}
