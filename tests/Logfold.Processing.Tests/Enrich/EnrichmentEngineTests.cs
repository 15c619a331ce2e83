using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Testing.Enrich;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich;

public sealed class EnrichmentEngineTests : IDisposable
{
    private readonly EnrichTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private sealed class FakeEnricher(string name, Func<EcsDocument, EnrichOutcome> run) : IEnricher
    {
        public string Name { get; } = name;

        public int Calls;

        public EnrichOutcome Enrich(EcsDocument doc)
        {
            Interlocked.Increment(ref Calls);
            return run(doc);
        }
    }

    private sealed class RecordingMetrics : IEnrichmentMetrics
    {
        public ConcurrentQueue<(string Enricher, EnrichOutcome Outcome, long Ticks)> Lookups { get; } = new();

        public ConcurrentQueue<(bool Enriched, bool Failed)> Events { get; } = new();

        public void RecordLookup(string enricher, EnrichOutcome outcome, long elapsedTicks) => Lookups.Enqueue((enricher, outcome, elapsedTicks));

        public void RecordEvent(bool enriched, bool failed) => Events.Enqueue((enriched, failed));
    }

    private static FakeEnricher Tagger(string name, EnrichOutcome outcome = EnrichOutcome.Hit) => new(name, doc =>
    {
        doc.Add(FieldPath.Of("test.order"), name);
        return outcome;
    });

    [Fact]
    public void Enrich_Chain_RunsInConfiguredOrder()
    {
        var engine = EnrichmentEngine.FromEnrichers([(Tagger("b"), null), (Tagger("a"), null), (Tagger("c"), null)]);
        var doc = Event(("message", "x"));

        var summary = engine.Enrich(doc);

        Assert.Equal(["b", "a", "c"], Array(doc, "test.order"));
        Assert.Equal(3, summary.Hits);
        Assert.True(Value(doc, "logfold.enrichment.enriched").Bool);
        Assert.Equal(["b", "a", "c"], engine.EnricherNames);
    }

    [Fact]
    public void Enrich_SourceCondition_RunsOnlyForListedSources()
    {
        var windowsOnly = Tagger("win");
        var metrics = new RecordingMetrics();
        var engine = EnrichmentEngine.FromEnrichers([(windowsOnly, new EnricherConditionOptions { Source = ["windows_event", "linux_syslog"] })], metrics);

        var skipped = engine.Enrich(Event(("logfold.source", "paloalto")));
        var ran = engine.Enrich(Event(("logfold.source", "linux_syslog")));
        var noSource = engine.Enrich(Event(("message", "x")));

        Assert.Equal(1, skipped.Skipped);
        Assert.Equal(1, ran.Hits);
        Assert.Equal(1, noSource.Skipped);
        Assert.Equal(1, windowsOnly.Calls);
        Assert.Equal(2, metrics.Lookups.Count(l => l.Outcome == EnrichOutcome.Skipped && l.Ticks == 0));
    }

    [Fact]
    public void Enrich_FieldPresentCondition_RunsWhenAnyListedFieldOrChildIsPresent()
    {
        var geo = Tagger("geo");
        var engine = EnrichmentEngine.FromEnrichers([(geo, new EnricherConditionOptions { FieldPresent = ["source.ip", "destination"] })]);

        Assert.Equal(1, engine.Enrich(Event(("source.ip", "1.2.3.4"))).Hits);
        Assert.Equal(1, engine.Enrich(Event(("destination.port", 443))).Hits);
        Assert.Equal(1, engine.Enrich(Event(("source.port", 1))).Skipped);
        Assert.Equal(2, geo.Calls);
    }

    [Fact]
    public void Enrich_EnricherReturnsErrorOrThrows_EventGoesOnTaggedAndCounted()
    {
        var metrics = new RecordingMetrics();
        var engine = EnrichmentEngine.FromEnrichers(
            [
                (Tagger("first"), null),
                (new FakeEnricher("flaky", _ => EnrichOutcome.Error), null),
                (new FakeEnricher("broken", _ => throw new InvalidOperationException("boom")), null),
                (Tagger("last", EnrichOutcome.Miss), null),
            ],
            metrics);
        var doc = Event(("message", "x"));

        var summary = engine.Enrich(doc);

        Assert.Equal(2, summary.Errors);
        Assert.Equal(["flaky", "broken"], Array(doc, "logfold.enrichment.failed"));
        Assert.Equal(["first", "last"], Array(doc, "test.order"));
        Assert.True(summary.Enriched);
        Assert.Equal(new[] { EnrichOutcome.Hit, EnrichOutcome.Error, EnrichOutcome.Error, EnrichOutcome.Miss }, metrics.Lookups.Select(l => l.Outcome));
        Assert.Equal((true, true), Assert.Single(metrics.Events));
    }

    [Fact]
    public void Enrich_NothingHits_MarksEventNotEnriched()
    {
        var metrics = new RecordingMetrics();
        var engine = EnrichmentEngine.FromEnrichers([(Tagger("a", EnrichOutcome.Miss), null)], metrics);
        var doc = Event(("message", "x"));

        Assert.False(engine.Enrich(doc).Enriched);

        Assert.False(Value(doc, "logfold.enrichment.enriched").Bool);
        Assert.Equal(FieldKind.Bool, Value(doc, "logfold.enrichment.enriched").Kind);
        Assert.Equal((false, false), Assert.Single(metrics.Events));
    }

    [Fact]
    public void Enrich_EmptyChain_LeavesEventUntouched()
    {
        var doc = Event(("message", "x"));

        EnrichmentEngine.FromEnrichers([]).Enrich(doc);

        Assert.Equal(1, doc.FieldCount);
    }

    [Fact]
    public async Task Enrich_ManyThreads_CountsReconcile()
    {
        var metrics = new RecordingMetrics();
        var hitter = Tagger("hit");
        var engine = EnrichmentEngine.FromEnrichers([(hitter, null), (new FakeEnricher("err", d => d.Has(Ecs.SourceIp) ? EnrichOutcome.Error : EnrichOutcome.Miss), null)], metrics);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var doc = new EcsDocument();
            for (var i = 0; i < 500; i++)
            {
                doc.Reset();
                if (i % 2 == 0)
                {
                    doc.Set(Ecs.SourceIp, "10.0.0.1");
                }

                engine.Enrich(doc);
            }
        })));

        Assert.Equal(2000, hitter.Calls);
        Assert.Equal(2000, metrics.Events.Count);
        Assert.Equal(1000, metrics.Events.Count(e => e.Failed));
        Assert.Equal(1000, metrics.Lookups.Count(l => l.Enricher == "err" && l.Outcome == EnrichOutcome.Error));
        Assert.Equal(1000, metrics.Lookups.Count(l => l.Enricher == "err" && l.Outcome == EnrichOutcome.Miss));
    }

    [Fact]
    public void MeterMetrics_Lookups_AreReportedWithBoundedTags()
    {
        using var meter = new Meter("Logfold.Enricher.Test." + Guid.NewGuid().ToString("N"));
        var longs = new ConcurrentQueue<(string Name, long Value, Dictionary<string, string?> Tags)>();
        var doubles = new ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => longs.Enqueue((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => doubles.Enqueue((i.Name, v, Tags(tags))));
        listener.Start();
        var engine = EnrichmentEngine.FromEnrichers(
            [(Tagger("geo"), null), (new FakeEnricher("intel", _ => EnrichOutcome.Error), null), (Tagger("skip"), new EnricherConditionOptions { Source = ["none"] })],
            new EnrichmentMeterMetrics(meter));

        engine.Enrich(Event(("message", "x")));

        Assert.Contains(longs, m => m.Name == "logfold.enrichment.lookups" && m.Tags["enricher"] == "geo" && m.Tags["outcome"] == "hit");
        Assert.Contains(longs, m => m.Name == "logfold.enrichment.lookups" && m.Tags["enricher"] == "intel" && m.Tags["outcome"] == "error");
        Assert.Contains(longs, m => m.Name == "logfold.enrichment.lookups" && m.Tags["enricher"] == "skip" && m.Tags["outcome"] == "skipped");
        Assert.Contains(longs, m => m.Name == "logfold.enrichment.events" && m.Tags["enriched"] == "true" && m.Tags["failed"] == "true");
        Assert.Equal(2, doubles.Count(m => m.Name == "logfold.enrichment.duration" && m.Value >= 0));
        Assert.DoesNotContain(doubles, m => m.Tags["enricher"] == "skip");

        static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var d = new Dictionary<string, string?>();
            foreach (var t in tags)
            {
                d[t.Key] = t.Value?.ToString();
            }

            return d;
        }
    }

    private EnrichmentOptions FullOptions()
    {
        new MmdbWriter("GeoLite2-City")
            .Add("81.2.69.0/24", MmdbRecords.City("London", "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 51.5, -0.09, "Europe/London", null))
            .Write(_files.PathOf("city.mmdb"));
        new MmdbWriter("GeoLite2-ASN").Add("81.2.69.0/24", MmdbRecords.Asn(20712, "Andrews & Arnold Ltd")).Write(_files.PathOf("asn.mmdb"));
        _files.Write("clouds.csv", "81.2.69.0/25,example-cloud,lon1,vm\n");
        _files.Write("mitre.yaml", "mappings:\n  - source: windows_event\n    event_code: \"4720\"\n    technique: T1136\n    name: Create Account\n    tactics: [TA0003]\n");
        return new EnrichmentOptions
        {
            DataDirectory = _files.Dir,
            Enrichers =
            [
                new() { Name = "geo", Type = "geoip", Path = "city.mmdb", When = new() { FieldPresent = ["source.ip", "destination.ip"] } },
                new() { Name = "asn", Type = "asn", Path = "asn.mmdb" },
                new() { Name = "ipclass", Type = "ip_class" },
                new() { Name = "flow", Type = "community_id" },
                new() { Name = "clouds", Type = "cloud_ranges", Paths = ["clouds.csv"] },
                new() { Name = "attack", Type = "mitre", Path = "mitre.yaml", When = new() { Source = ["windows_event"] } },
                new() { Name = "off", Type = "geoip", Enabled = false },
            ],
        };
    }

    [Fact]
    public void Create_FullLocalChainFromOptions_EnrichesAnEvent()
    {
        var options = FullOptions();
        Assert.Empty(options.Validate(new ValidationContext(options)));
        using var engine = EnrichmentEngine.Create(options, new EnricherContext { DataDirectory = options.DataDirectory, Reload = new() { Watch = false } });
        var doc = Event(("logfold.source", "windows_event"), ("event.code", "4720"), ("source.ip", "81.2.69.10"), ("source.port", 50000),
            ("destination.ip", "10.0.0.5"), ("destination.port", 443), ("network.transport", "tcp"));

        var summary = engine.Enrich(doc);

        Assert.Equal(["geo", "asn", "ipclass", "flow", "clouds", "attack"], engine.EnricherNames);
        Assert.Equal(6, summary.Hits);
        Assert.Equal("London", Str(doc, "source.geo.city_name"));
        Assert.Equal(20712L, Value(doc, "source.as.number").Long);
        Assert.Equal("inbound", Str(doc, "network.direction"));
        Assert.StartsWith("1:", Str(doc, "network.community_id"), StringComparison.Ordinal);
        Assert.Equal("example-cloud", Str(doc, "logfold.cloud_range.source.provider"));
        Assert.Equal(["T1136"], Array(doc, "threat.technique.id"));
        Assert.Equal(4, engine.DataFiles.Count);
        Assert.Equal(4, engine.ReloadAll());
        Assert.All(engine.DataFiles, f => Assert.Equal(2, f.Version));
    }

    [Fact]
    public void Create_BadDataFile_FailsNamingTheEnricherAndFile()
    {
        var options = FullOptions();
        _files.Write("clouds.csv", "banana,cloud\n");

        var ex = Assert.Throws<EnrichmentDataException>(() => EnrichmentEngine.Create(options, new EnricherContext { DataDirectory = _files.Dir }));

        Assert.Contains("'clouds' (cloud_ranges)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("clouds.csv: line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadEntries_ReportsEveryProblemWithItsEntry()
    {
        var options = new EnrichmentOptions
        {
            Enrichers =
            [
                new() { Name = "geo", Type = "geoip" },
                new() { Name = "geo", Type = "ip_class" },
                new() { Name = "Bad Name", Type = "ip_class" },
                new() { Name = "x", Type = "telepathy" },
                new() { Name = "y", Type = "ip_class", When = new() { FieldPresent = ["source..ip"], Source = [" "] } },
                new() { Name = "z", Type = "mitre", Enabled = false },
            ],
        };

        var problems = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

        Assert.Contains(problems, p => p.StartsWith("Logfold:Enrichment:Enrichers:0 ('geo'): Path is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Enrichers:1 ('geo'): the name 'geo' is used twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Enrichers:2 ('Bad Name'): Name is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Type 'telepathy' is not a known enricher type; known types: asn, assets, cloud_ranges, community_id, geoip, ip_class, mitre, reverse_dns, threat_intel, user_agent, users", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("When:FieldPresent 'source..ip'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("When:Source has an empty entry", StringComparison.Ordinal));
        // A disabled entry's own settings are not checked (it may point at a file not deployed yet).
        Assert.DoesNotContain(problems, p => p.Contains("('z')", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);

        var ex = Assert.Throws<ValidationException>(() => EnrichmentEngine.Create(options, new EnricherContext()));
        Assert.Contains("telepathy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_WhileDatabaseIsReplacedOnDisk_EveryEventSeesOldOrNewDataAndNewWins()
    {
        var path = _files.PathOf("city.mmdb");
        void WriteCity(string name) => new MmdbWriter("GeoLite2-City")
            .Add("81.2.69.0/24", MmdbRecords.City(name, "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 51.5, -0.09, "Europe/London", null))
            .Write(path);
        WriteCity("London");
        var options = new EnrichmentOptions { Enrichers = [new() { Name = "geo", Type = "geoip", Path = path, Settings = { ["CacheSize"] = "0" } }] };
        using var engine = EnrichmentEngine.Create(options, new EnricherContext { Reload = new() { Debounce = TimeSpan.FromMilliseconds(50) } });
        using var stop = new CancellationTokenSource();
        var bad = 0;
        var sawNew = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var doc = new EcsDocument();
            while (!stop.IsCancellationRequested)
            {
                doc.Reset();
                doc.Set(Ecs.SourceIp, "81.2.69.142");
                var summary = engine.Enrich(doc);
                var city = doc.GetString(FieldPath.Of("source.geo.city_name"));
                if (summary.Hits != 1 || city is not ("London" or "Manchester"))
                {
                    Interlocked.Increment(ref bad);
                }
                else if (city == "Manchester")
                {
                    Volatile.Write(ref sawNew, 1);
                }
            }
        })).ToArray();

        // Atomic replace, as geoipupdate does it: write aside, rename over.
        var temp = path + ".tmp";
        new MmdbWriter("GeoLite2-City")
            .Add("81.2.69.0/24", MmdbRecords.City("Manchester", "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 53.48, -2.24, "Europe/London", null))
            .Write(temp);
        File.Move(temp, path, overwrite: true);
        var deadline = TimeProvider.System.GetTimestamp() + (20 * TimeProvider.System.TimestampFrequency);
        while (Volatile.Read(ref sawNew) == 0 && TimeProvider.System.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(1, sawNew);
        Assert.Equal(0, bad);
        Assert.True(Assert.Single(engine.DataFiles).Version >= 2);
    }

    private sealed class EchoFactory : IEnricherFactory
    {
        public string Type => "echo";

        public IEnumerable<string> Validate(EnricherOptions options) => options.Setting("Field") is null ? ["Settings:Field is required."] : [];

        public IEnricher Create(EnricherOptions options, EnricherContext context)
        {
            var field = FieldPath.Of(options.Setting("Field")!);
            return new FakeEnricher(options.Name, doc =>
            {
                doc.Set(field, "echo");
                return EnrichOutcome.Hit;
            });
        }
    }

    [Fact]
    public void Registry_With_PlugsInANewTypeEndToEnd()
    {
        var registry = EnricherRegistry.Default.With(new EchoFactory());
        var options = new EnrichmentOptions { Enrichers = [new() { Name = "e", Type = "echo", Settings = { ["Field"] = "labels.echo" } }] };

        using var engine = EnrichmentEngine.Create(options, new EnricherContext(), registry: registry);
        var doc = Event(("message", "x"));
        engine.Enrich(doc);

        Assert.Equal("echo", Str(doc, "labels.echo"));
        Assert.Contains("echo", registry.Types);
        Assert.DoesNotContain("echo", EnricherRegistry.Default.Types);
        Assert.Throws<ArgumentException>(() => registry.With(new EchoFactory()));
        Assert.Contains(options.Validate(EnricherRegistry.Default), r => r.ErrorMessage!.Contains("'echo' is not a known", StringComparison.Ordinal));
    }
}
