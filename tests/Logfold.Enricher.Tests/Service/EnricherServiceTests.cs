using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Logfold.Contracts;
using ContractHeaders = Logfold.Contracts.Headers;
using Logfold.Enricher.Tests.Support;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Serialization;
using Logfold.Testing.Enricher;
using Logfold.Testing.SchemaRegistry;
using Microsoft.Extensions.Options;

namespace Logfold.Enricher.Tests.Service;

/// <summary>The enricher host end to end on a Kafka cluster: produce normalized events, read enriched + DLQ.</summary>
public sealed class EnricherServiceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);
    private readonly IRecordCodec<EcsDocument> _codec = RecordCodecs.JsonEcsDocument();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "logfold-enricher-svc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>A normalized event: a firewall flow, or (every fifth) a Windows account creation.</summary>
    private (string Key, byte[] Value) Event(int i, string destination, IRecordCodec<EcsDocument>? codec = null)
    {
        codec ??= _codec;
        var doc = new EcsDocument();
        doc.Set(Ecs.EventId, "e-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (i % 5 == 4)
        {
            doc.Set(Ecs.LogfoldSource, SourceTypes.WindowsEvent);
            doc.Set(Ecs.EventCode, "4720");
            return ("dc01", codec.Encode(doc));
        }

        doc.Set(Ecs.LogfoldSource, SourceTypes.PaloAlto);
        doc.Set(Ecs.SourceIp, "10.20.0." + (1 + (i % 200)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        doc.Set(Ecs.DestinationIp, destination);
        doc.Set(Ecs.SourcePort, 40000L + i);
        doc.Set(Ecs.DestinationPort, 443L);
        doc.Set(Ecs.NetworkTransport, "tcp");
        return ("fw-0" + (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), codec.Encode(doc));
    }

    private static Dictionary<string, JsonNode> ById(IEnumerable<ConsumeResult<byte[], byte[]>> records)
    {
        var byId = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            var json = JsonNode.Parse(r.Message.Value)!;
            var id = (string)json["event"]!["id"]!;
            Assert.True(byId.TryAdd(id, json), $"{id} arrived twice");
        }

        return byId;
    }

    private static string? Str(JsonNode doc, params string[] path)
    {
        JsonNode? n = doc;
        foreach (var p in path)
        {
            n = n?[p];
        }

        return n is JsonArray a ? (string?)a[0] : n is null ? null : n.ToString();
    }

    [Fact]
    public async Task Service_MixedEvents_EveryInputExactlyOnceAndEnriched()
    {
        await using var svc = await RunningEnricher.StartAsync(fixture.Cluster, _dir);
        Assert.True(await svc.WaitReadyAsync(TimeSpan.FromSeconds(30)), "/ready never answered 200");
        const int good = 300;
        var records = new List<(string, byte[])>();
        for (var i = 0; i < good; i++)
        {
            records.Add(Event(i, i % 10 == 0 ? EnrichmentDataSet.BadIp : "81.2.69.160"));
        }

        for (var i = 0; i < 7; i++)
        {
            records.Add(("junk-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes("{\"event\": [not json " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        TopicIo.Produce(fixture.Cluster, svc.InputTopic, records);

        var all = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], good + 7, ReadTimeout);

        var enriched = all.Where(r => r.Topic == svc.OutputTopic).ToList();
        var dlq = all.Where(r => r.Topic == svc.DeadLetterTopic).ToList();
        Assert.Equal(good, enriched.Count);
        Assert.Equal(7, dlq.Count);
        Assert.All(dlq, r => Assert.Equal(EnricherStage.UndecodableReason, TopicIo.Header(r, ContractHeaders.ErrorReason)));
        Assert.All(dlq, r => Assert.Equal("enricher", TopicIo.Header(r, ContractHeaders.ErrorStage)));
        Assert.Equal(7, dlq.Select(r => Encoding.UTF8.GetString(r.Message.Key)).Distinct().Count());
        var byId = ById(enriched);
        Assert.Equal(good, byId.Count);

        var flow = byId["e-1"];
        Assert.Equal("London", Str(flow, "destination", "geo", "city_name"));
        Assert.Equal("20712", Str(flow, "destination", "as", "number"));
        Assert.Equal("outbound", Str(flow, "network", "direction"));
        Assert.StartsWith("1:", Str(flow, "network", "community_id"), StringComparison.Ordinal);
        Assert.Null(flow["threat"]);
        var bad = byId["e-10"];
        Assert.Equal(EnrichmentDataSet.BadIp, Str(bad, "threat", "indicator", "ip"));
        Assert.NotNull(bad["threat"]!["enrichments"]);
        Assert.Equal("Amsterdam", Str(bad, "destination", "geo", "city_name"));
        var account = byId["e-4"];
        Assert.Equal("T1136", Str(account, "threat", "technique", "id"));
        Assert.Equal("TA0003", Str(account, "threat", "tactic", "id"));
        Assert.All(byId.Values, d => Assert.Null(d["logfold"]!["enrichment"]!["failed"]));

        var metrics = await svc.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("logfold_enrichment_lookups", metrics, StringComparison.Ordinal);
        Assert.Contains("logfold_enrichment_events", metrics, StringComparison.Ordinal);
        Assert.Contains("logfold_records_received", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_IocFileReplacedWhileRunning_LaterEventsMatchAndNoneLost()
    {
        await using var svc = await RunningEnricher.StartAsync(fixture.Cluster, _dir);
        Assert.True(await svc.WaitReadyAsync(TimeSpan.FromSeconds(30)));
        const string target = "77.1.2.3";
        TopicIo.Produce(fixture.Cluster, svc.InputTopic, Enumerable.Range(0, 100).Select(i => Event(i, target)));
        var before = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], 100, ReadTimeout);
        Assert.Equal(100, before.Count);

        EnrichmentDataSet.WriteIocs(svc.Data.IocPath, [EnrichmentDataSet.BadIp, target]);
        Assert.NotNull(await svc.WaitForVersionAsync("ioc.txt", 2, TimeSpan.FromSeconds(20)));
        TopicIo.Produce(fixture.Cluster, svc.InputTopic, Enumerable.Range(100, 100).Select(i => Event(i, target)));

        var all = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], 200, ReadTimeout);
        Assert.Equal(200, all.Count);
        Assert.DoesNotContain(all, r => r.Topic == svc.DeadLetterTopic);
        var byId = ById(all);
        for (var i = 0; i < 200; i++)
        {
            var doc = byId["e-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (i % 5 == 4)
            {
                continue; // Windows events carry no address.
            }

            Assert.Equal(i >= 100 ? target : null, Str(doc, "threat", "indicator", "ip"));
        }
    }

    [Fact]
    public async Task AdminReload_BrokenDatabase_Returns422AndOldDataStaysInUse()
    {
        await using var svc = await RunningEnricher.StartAsync(fixture.Cluster, _dir);
        Assert.True(await svc.WaitReadyAsync(TimeSpan.FromSeconds(30)));

        using (var ok = await svc.Http.PostAsync(new Uri("/admin/reload", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var body = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("ok", (string?)body["status"]);
            var sources = body["sources"]!.AsArray();
            Assert.Equal(svc.Services.GetService(typeof(EnrichmentEngine)) is EnrichmentEngine e ? e.DataFiles.Count : -1, sources.Count);
            Assert.All(sources, s => Assert.True((bool)s!["ok"]!));
            Assert.All(sources, s => Assert.True((long)s!["version"]! >= 2));
        }

        // A truncated download: the watcher rejects it too, and the admin call reports it.
        await File.WriteAllBytesAsync(svc.Data.GeoPath, Encoding.ASCII.GetBytes("this is not a MaxMind database"));
        using (var broken = await svc.Http.PostAsync(new Uri("/admin/reload", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
            var body = (await broken.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("partial", (string?)body["status"]);
            Assert.Equal(1, (int)body["failed"]!);
            var geo = body["sources"]!.AsArray().Single(s => ((string)s!["path"]!).EndsWith("geo-city.mmdb", StringComparison.Ordinal))!;
            Assert.False((bool)geo["ok"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)geo["error"]));
        }

        TopicIo.Produce(fixture.Cluster, svc.InputTopic, Enumerable.Range(0, 50).Select(i => Event(i, "81.2.69.160")));
        var all = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], 50, ReadTimeout);
        Assert.Equal(50, all.Count);
        var byId = ById(all);
        Assert.Equal("London", Str(byId["e-0"], "destination", "geo", "city_name"));
    }

    [Fact]
    public async Task Service_ThrowingEnricher_EventsGoThroughTaggedNeverDeadLettered()
    {
        var registry = EnricherRegistry.Default.With(new ThrowingEnricherFactory());
        await using var svc = await RunningEnricher.StartAsync(
            fixture.Cluster,
            _dir,
            chain: d => [new EnricherOptions { Name = "flaky", Type = ThrowingEnricherFactory.TypeName }, .. d.Chain],
            registry: registry);
        Assert.True(await svc.WaitReadyAsync(TimeSpan.FromSeconds(30)));
        TopicIo.Produce(fixture.Cluster, svc.InputTopic, Enumerable.Range(0, 120).Select(i => Event(i, "81.2.69.160")));

        var all = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], 120, ReadTimeout);

        Assert.Equal(120, all.Count);
        Assert.DoesNotContain(all, r => r.Topic == svc.DeadLetterTopic);
        var byId = ById(all);
        Assert.All(byId.Values, d => Assert.Equal("flaky", Str(d, "logfold", "enrichment", "failed")));
        Assert.Equal("London", Str(byId["e-0"], "destination", "geo", "city_name"));
        var metrics = await svc.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("enricher=\"flaky\",outcome=\"error\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_AvroTopics_EnrichesThroughTheSchemaRegistry()
    {
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        await using var svc = await RunningEnricher.StartAsync(
            fixture.Cluster,
            _dir,
            extraSettings: new Dictionary<string, string?>
            {
                ["Logfold:Serialization:Format"] = "Avro",
                ["Logfold:Serialization:SchemaRegistry:Url"] = registry.Url,
            });
        Assert.True(await svc.WaitReadyAsync(TimeSpan.FromSeconds(30)));
        using var codecs = new RecordCodecs(Options.Create(new SerializationOptions { Format = SerializationFormat.Avro, SchemaRegistry = { Url = registry.Url } }));
        var input = codecs.ForEcs(svc.InputTopic);
        var output = codecs.ForEcs(svc.OutputTopic);
        TopicIo.Produce(fixture.Cluster, svc.InputTopic, Enumerable.Range(0, 40).Select(i => Event(i, "81.2.69.160", input)));

        var all = TopicIo.Read(fixture.Cluster, [svc.OutputTopic, svc.DeadLetterTopic], 40, ReadTimeout);

        Assert.Equal(40, all.Count);
        Assert.DoesNotContain(all, r => r.Topic == svc.DeadLetterTopic);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var doc = new EcsDocument();
        foreach (var r in all)
        {
            doc.Reset();
            output.Decode(r.Message.Value, doc);
            Assert.True(ids.Add(doc.GetString(Ecs.EventId)!));
            if (doc.GetString(Ecs.DestinationIp) is not null)
            {
                Assert.Equal("London", doc.GetString(FieldPath.Of("destination.geo.city_name")));
            }
        }

        Assert.NotEmpty(registry.SchemaIds(svc.OutputTopic + "-value"));
    }

    /// <summary>An enricher type whose enrichers always throw (a broken lookup).</summary>
    private sealed class ThrowingEnricherFactory : IEnricherFactory
    {
        public const string TypeName = "test_throwing";

        public string Type => TypeName;

        public IEnumerable<string> Validate(EnricherOptions options) => [];

        public IEnricher Create(EnricherOptions options, EnricherContext context) => new Throwing(options.Name);

        private sealed class Throwing(string name) : IEnricher
        {
            public string Name => name;

            public EnrichOutcome Enrich(EcsDocument doc) => throw new InvalidOperationException("the lookup service is down");
        }
    }
}
