using System.Diagnostics.Metrics;
using Logfold.Contracts;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Logfold.Testing;
using Logfold.Testing.Enricher;
using Logfold.Testing.SchemaRegistry;
using Microsoft.Extensions.Options;

namespace Logfold.LoadTest;

/// <summary>
/// The pure pieces of the pipeline for one load run: a codec set per stage (JSON, or Avro through a Schema
/// Registry; each stage gets its own, as each service would), the normalizer, and the enrichment engine.
/// </summary>
internal sealed class PipelineParts : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly SerializationOptions _serialization;
    private readonly IReadOnlyList<string> _topics;
    private readonly SchemaRegistryTestServer? _registry;
    private readonly string? _dataDirectory;
    private EnrichmentEngine? _engine;

    private PipelineParts(SerializationOptions serialization, IReadOnlyList<string> topics, SchemaRegistryTestServer? registry, string? dataDirectory)
    {
        _serialization = serialization;
        _topics = topics;
        _registry = registry;
        _dataDirectory = dataDirectory;
    }

    public string Format => _serialization.Format == SerializationFormat.Avro ? "avro" : "json";

    /// <summary>Where the registry is: the given URL, the in-process test server, or none (JSON).</summary>
    public string Registry => _serialization.Format != SerializationFormat.Avro ? "none" : _registry is not null ? "in-process test registry" : _serialization.SchemaRegistry.Url!;

    public LogNormalizer Normalizer { get; } = LogNormalizer.CreateDefault();

    /// <summary>The enrichment chain's names (empty until the enricher stage is created).</summary>
    public IReadOnlyList<string> EnricherNames => _engine?.EnricherNames ?? [];

    /// <param name="args">The command line.</param>
    /// <param name="topics">raw, detected, normalized[, enriched] topic names.</param>
    public static PipelineParts Create(LoadArgs args, IReadOnlyList<string> topics)
    {
        var serialization = new SerializationOptions();
        SchemaRegistryTestServer? registry = null;
        if (string.Equals(args.Format, "avro", StringComparison.Ordinal))
        {
            serialization.Format = SerializationFormat.Avro;
            if (args.RegistryUrl is null)
            {
                registry = SchemaRegistryTestServer.StartAsync().GetAwaiter().GetResult();
            }

            serialization.SchemaRegistry.Url = args.RegistryUrl ?? registry!.Url;
        }

        var data = args.Stages.Contains("enricher") ? Path.Combine(Path.GetTempPath(), "logfold-load-" + Guid.NewGuid().ToString("N")) : null;
        return new PipelineParts(serialization, topics, registry, data);
    }

    /// <summary>A fresh codec set (its own registry client).</summary>
    public RecordCodecs NewCodecs()
    {
        var codecs = new RecordCodecs(Options.Create(_serialization));
        _owned.Add(codecs);
        return codecs;
    }

    public IRecordCodec<DetectedRecord> Detected(RecordCodecs codecs) => codecs.ForDetected(_topics[1]);

    public IRecordCodec<EcsDocument> Normalized(RecordCodecs codecs) => codecs.ForEcs(_topics[2]);

    public IRecordCodec<EcsDocument> Enriched(RecordCodecs codecs) => codecs.ForEcs(_topics.Count > 3 ? _topics[3] : _topics[2] + ".enriched");

    /// <summary>A new processor for <paramref name="stage"/> with its own codecs (stages are single-threaded).</summary>
    public IStageProcessor CreateStage(string stage)
    {
        var codecs = NewCodecs();
        return stage switch
        {
            "detector" => new DetectorStage(Normalizer, Detected(codecs)),
            "normalizer" => new NormalizerStage(Normalizer, NormalizeContext.Default, Detected(codecs), Normalized(codecs)),
            "enricher" => new EnricherStage(Engine(), Normalized(codecs), Enriched(codecs)),
            _ => throw new ArgumentException($"Unknown stage '{stage}'."),
        };
    }

    /// <summary>
    /// The enrichment chain the enricher stage runs: every local enricher over generated data (GeoIP City and ASN
    /// databases, cloud ranges, an IOC list, Logfold's shipped MITRE table); reverse DNS is left out.
    /// </summary>
    private EnrichmentEngine Engine()
    {
        if (_engine is null)
        {
            var mitre = Path.Combine(RepoPaths.Root, "config", "enrichment", "mitre.yaml");
            var data = EnrichmentDataSet.Write(_dataDirectory!, mitreTable: File.Exists(mitre) ? mitre : null);
            var meter = new Meter("Logfold.LoadTest.Enrichment");
            _owned.Add(meter);
            _engine = EnrichmentEngine.Create(data.ToOptions(), new EnricherContext { DataDirectory = data.Directory }, new EnrichmentMeterMetrics(meter));
            _owned.Add(_engine);
        }

        return _engine;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _registry?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
