using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Logfold.Contracts;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Logfold.Testing.Enricher;
using Logfold.Testing.Stages;

namespace Logfold.Enricher.Tests.Stages;

public sealed class EnricherStageTests : IDisposable
{
    private readonly IRecordCodec<EcsDocument> _codec = RecordCodecs.JsonEcsDocument();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "logfold-enricher-stage-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private byte[] Normalized(Action<EcsDocument> fill)
    {
        var doc = new EcsDocument();
        doc.Set(Ecs.LogfoldSource, SourceTypes.PaloAlto);
        fill(doc);
        return _codec.Encode(doc);
    }

    private static JsonNode Json(RecordedOutcome o) => JsonNode.Parse(o.Value!)!;

    [Fact]
    public void Process_NormalizedEvent_EmitsEnrichedUnderInputKey()
    {
        var marker = new MarkerEnricher();
        using var engine = EnrichmentEngine.FromEnrichers([(marker, null)]);
        var stage = new EnricherStage(engine, _codec, _codec);
        var input = Normalized(d => d.Set(Ecs.SourceIp, "81.2.69.160"));

        var output = StageHarness.Run(stage, [StageHarness.Input(input, key: "fw-01"u8.ToArray())]);

        StageCompliance.Check(output);
        var emitted = Assert.Single(output.Emitted);
        Assert.Equal("fw-01", Encoding.UTF8.GetString(emitted.Key!));
        var json = Json(emitted);
        Assert.Equal("81.2.69.160", (string?)json["source"]!["ip"]);
        Assert.Equal("seen", (string?)json["labels"]!["marker"]);
        Assert.True((bool?)json["logfold"]!["enrichment"]!["enriched"]);
        Assert.Equal(1, marker.Calls);
    }

    [Fact]
    public void Process_UndecodableValue_DeadLettersUndecodableRecord()
    {
        using var engine = EnrichmentEngine.FromEnrichers([(new MarkerEnricher(), null)]);
        var stage = new EnricherStage(engine, _codec, _codec);

        var output = StageHarness.Run(stage, [StageHarness.Input("{\"source\":"u8.ToArray()), StageHarness.Input(Normalized(_ => { }))]);

        StageCompliance.Check(output);
        var dlq = Assert.Single(output.DeadLettered);
        Assert.Equal(0, dlq.InputIndex);
        Assert.Equal(EnricherStage.UndecodableReason, dlq.Reason);
        Assert.Equal(ErrorCategory.Data, dlq.Category);
        Assert.IsType<RecordFormatException>(dlq.Exception, exactMatch: false);
        Assert.Equal(1, Assert.Single(output.Emitted).InputIndex);
    }

    [Fact]
    public void Process_ThrowingEnricher_EmitsEventTaggedWithFailedEnricher()
    {
        using var engine = EnrichmentEngine.FromEnrichers([(new ThrowingEnricher(), null), (new MarkerEnricher(), null)]);
        var stage = new EnricherStage(engine, _codec, _codec);

        var output = StageHarness.Run(stage, [StageHarness.Input(Normalized(d => d.Set(Ecs.SourceIp, "10.0.0.1")))]);

        StageCompliance.Check(output);
        Assert.Empty(output.DeadLettered);
        var json = Json(Assert.Single(output.Emitted));
        var failed = json["logfold"]!["enrichment"]!["failed"]!;
        Assert.Equal("broken", failed is JsonArray a ? (string?)a[0] : (string?)failed);
        Assert.Equal("seen", (string?)json["labels"]!["marker"]);
    }

    [Fact]
    public void Process_ConfiguredChain_FillsGeoAsnMitreAndCountsPerEnricher()
    {
        var data = EnrichmentDataSet.Write(_dir);
        using var meter = new Meter("Logfold.Enricher.StageTest." + Guid.NewGuid().ToString("N"));
        using var recorder = new MetricRecorder(meter.Name);
        using var engine = EnrichmentEngine.Create(data.ToOptions(), new EnricherContext { DataDirectory = data.Directory }, new EnrichmentMeterMetrics(meter));
        var stage = new EnricherStage(engine, _codec, _codec);
        var flow = Normalized(d =>
        {
            d.Set(Ecs.SourceIp, "10.1.2.3");
            d.Set(Ecs.DestinationIp, "81.2.69.160");
            d.Set(FieldPath.Of("source.port"), 50123L);
            d.Set(FieldPath.Of("destination.port"), 443L);
            d.Set(FieldPath.Of("network.transport"), "tcp");
        });
        var winEvent = new EcsDocument();
        winEvent.Set(Ecs.LogfoldSource, SourceTypes.WindowsEvent);
        winEvent.Set(Ecs.EventCode, "4720");

        var output = StageHarness.Run(stage, [StageHarness.Input(flow), StageHarness.Input(_codec.Encode(winEvent))]);

        StageCompliance.Check(output);
        StageCompliance.Reconcile(2, output.Emitted.Count(), output.DeadLettered.Count(), output.Filtered.Count());
        var docs = output.Emitted.Select(Json).ToList();
        Assert.Equal("London", (string?)docs[0]["destination"]!["geo"]!["city_name"]);
        Assert.Equal(20712, (long?)docs[0]["destination"]!["as"]!["number"]);
        Assert.Equal("private", (string?)docs[0]["logfold"]!["ip_class"]!["source"]);
        Assert.Equal("outbound", (string?)docs[0]["network"]!["direction"]);
        Assert.StartsWith("1:", (string?)docs[0]["network"]!["community_id"], StringComparison.Ordinal);
        Assert.Contains("T1136", docs[1]["threat"]!["technique"]!["id"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, recorder.Total("logfold.enrichment.lookups", "enricher", "mitre"));
        Assert.Equal(2, recorder.Total("logfold.enrichment.events"));
        Assert.Equal(2, recorder.Total("logfold.enrichment.events", "enriched", "true"));
    }

    private sealed class MarkerEnricher : IEnricher
    {
        private static readonly FieldPath Marker = FieldPath.Of("labels.marker");

        public int Calls { get; private set; }

        public string Name => "marker";

        public EnrichOutcome Enrich(EcsDocument doc)
        {
            Calls++;
            doc.Set(Marker, "seen");
            return EnrichOutcome.Hit;
        }
    }

    private sealed class ThrowingEnricher : IEnricher
    {
        public string Name => "broken";

        public EnrichOutcome Enrich(EcsDocument doc) => throw new InvalidOperationException("lookup table corrupted");
    }
}
