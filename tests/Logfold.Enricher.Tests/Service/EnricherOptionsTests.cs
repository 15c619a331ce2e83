using Logfold.Kafka;
using Logfold.Processing.Enrich;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Logfold.Enricher.Tests.Service;

/// <summary>Start-up configuration: the shipped YAML is valid, and mistakes stop start-up with a clear message.</summary>
public sealed class EnricherOptionsTests
{
    /// <summary>With <paramref name="shipped"/>, the content root is the binary's directory and its appsettings.yaml applies.</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication Build(Dictionary<string, string?> settings, bool shipped = false) =>
        EnricherHost.Build([], shipped ? null : Directory.CreateTempSubdirectory("logfold-enricher-root").FullName, c => c.AddInMemoryCollection(settings));

    private static Dictionary<string, string?> Minimal() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logfold:Kafka:BootstrapServers"] = "127.0.0.1:1",
        ["Logfold:Stage:InputTopic"] = "logs.normalized",
        ["Logfold:Stage:OutputTopic"] = "logs.enriched",
        ["Logfold:Stage:GroupId"] = "logfold-enricher",
    };

    [Fact]
    public async Task Build_ShippedAppsettings_ValidatesAndBuildsTheEnabledChain()
    {
        await using var app = Build(new() { ["Logfold:Kafka:BootstrapServers"] = "127.0.0.1:1" }, shipped: true);

        var stage = app.Services.GetRequiredService<IOptions<StageOptions>>().Value;
        Assert.Equal("logs.normalized", stage.InputTopic);
        Assert.Equal("logs.enriched", stage.OutputTopic);
        Assert.Equal(DeliveryMode.ExactlyOnce, stage.DeliveryMode);
        var enrichment = app.Services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        Assert.True(enrichment.Enrichers.Count >= 11, "the shipped file shows every enricher type");
        var types = enrichment.Enrichers.Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(EnricherRegistry.Default.Types.ToHashSet(StringComparer.Ordinal), types);
        using var engine = app.Services.GetRequiredService<EnrichmentEngine>();
        Assert.Equal(enrichment.Enrichers.Where(e => e.Enabled).Select(e => e.Name), engine.EnricherNames);
        Assert.Contains(engine.DataFiles, f => f.Path.EndsWith("mitre.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_UnknownEnricherKey_FailsNamingTheKey()
    {
        var settings = Minimal();
        settings["Logfold:Enricher:AdminEndpoint"] = "true";
        await using var app = Build(settings);

        var ex = Assert.ThrowsAny<InvalidOperationException>(() => app.Services.GetRequiredService<IOptions<EnricherServiceOptions>>().Value);
        Assert.Contains("AdminEndpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_UnknownEnricherType_FailsListingKnownTypes()
    {
        var settings = Minimal();
        settings["Logfold:Enrichment:Enrichers:0:Name"] = "geo";
        settings["Logfold:Enrichment:Enrichers:0:Type"] = "geoipp";
        await using var app = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<EnrichmentOptions>>().Value);
        Assert.Contains("geoipp", ex.Message, StringComparison.Ordinal);
        Assert.Contains("geoip", ex.Message.Replace("geoipp", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_UnsupportedFormat_FailsValidation()
    {
        var settings = Minimal();
        settings["Logfold:Serialization:Format"] = "Avro"; // Avro without a Schema Registry URL.
        await using var app = Build(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<Logfold.Serialization.SerializationOptions>>().Value);
        Assert.Contains("SchemaRegistry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MissingDataFile_EngineFailsNamingTheFile()
    {
        var settings = Minimal();
        settings["Logfold:Enrichment:Enrichers:0:Name"] = "geoip";
        settings["Logfold:Enrichment:Enrichers:0:Type"] = "geoip";
        settings["Logfold:Enrichment:Enrichers:0:Path"] = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"), "..", "GeoLite2-City-absent.mmdb");
        await using var app = Build(settings);

        var ex = Assert.Throws<EnrichmentDataException>(() => app.Services.GetRequiredService<EnrichmentEngine>());
        Assert.Contains("GeoLite2-City-absent.mmdb", ex.Message, StringComparison.Ordinal);
    }
}
