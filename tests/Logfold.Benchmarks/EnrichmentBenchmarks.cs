using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Model;
using Logfold.Testing;
using Logfold.Testing.Enrich;

namespace Logfold.Benchmarks;

/// <summary>
/// Cost of each local enricher, and of the whole local chain, through <see cref="EnrichmentEngine"/> with real
/// metrics. Data is generated at setup: a City and an ASN database of 20,000 networks each, 5,000 cloud ranges,
/// and the shipped MITRE table. Each invocation refills and enriches <see cref="EventsPerInvoke"/> firewall-style
/// events (public/private IPv4 and IPv6 flows); <see cref="FillOnly"/> is the refill alone, so the cost an
/// enricher adds per event is <c>Enrich - FillOnly</c>.
/// </summary>
[MemoryDiagnoser]
public class EnrichmentBenchmarks : IDisposable
{
    private const int EventsPerInvoke = 64;
    private const int Networks = 20_000;

    private static readonly FieldPath SourceIp = Ecs.SourceIp;
    private static readonly FieldPath DestinationIp = Ecs.DestinationIp;

    private readonly EcsDocument _doc = new();
    private string _dir = null!;
    private Meter _meter = null!;
    private EnrichmentEngine _engine = null!;
    private (string Src, string Dst, long SrcPort, long DstPort, string Code)[] _events = null!;

    /// <summary>
    /// The enricher type under test, <c>chain</c> for every local enricher in one chain, or a <c>_uncached</c>
    /// MaxMind enricher (every event a real database lookup, as for addresses never seen before).
    /// </summary>
    [Params("geoip", "geoip_uncached", "asn", "asn_uncached", "ip_class", "community_id", "cloud_ranges", "mitre", "chain")]
    public string Enricher { get; set; } = "chain";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("logfold-enrich-bench-").FullName;
        var random = new Random(42);
        var publicNets = new List<uint>();
        var city = new MmdbWriter("GeoLite2-City");
        var asn = new MmdbWriter("GeoLite2-ASN");
        var cities = Enumerable.Range(0, 50).Select(i => MmdbRecords.City($"City{i}", "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 51 + (i / 100.0), -(i / 100.0), "Europe/London", "E1")).ToArray();
        var orgs = Enumerable.Range(0, 200).Select(i => MmdbRecords.Asn((uint)(64_500 + i), $"Org {i}")).ToArray();
        var clouds = new StringBuilder("cidr,provider,region,service\n");
        for (var i = 0; i < Networks; i++)
        {
            // Public /24s spread over 1.0.0.0-99.255.255.255, skipping 10/8.
            var net = (uint)random.Next(0x01000000, 0x64000000) & 0xFFFFFF00u;
            if (net >> 24 == 10)
            {
                continue;
            }

            publicNets.Add(net);
            var text = $"{net >> 24}.{(net >> 16) & 255}.{(net >> 8) & 255}.0/24";
            city.Add(text, cities[i % cities.Length]);
            asn.Add(text, orgs[i % orgs.Length]);
            if (i % 4 == 0)
            {
                clouds.Append(CultureInfo.InvariantCulture, $"{text},cloud{i % 3},region{i % 20},svc{i % 7}\n");
            }
        }

        city.Write(Path.Combine(_dir, "city.mmdb"));
        asn.Write(Path.Combine(_dir, "asn.mmdb"));
        File.WriteAllText(Path.Combine(_dir, "clouds.csv"), clouds.ToString());
        File.Copy(Path.Combine(RepoPaths.Root, "config", "enrichment", "mitre.yaml"), Path.Combine(_dir, "mitre.yaml"));

        string[] codes = ["4624", "4720", "1102", "4625", "7045"];
        _events = new (string, string, long, long, string)[EventsPerInvoke];
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            var pub = publicNets[random.Next(publicNets.Count)] | (uint)random.Next(1, 255);
            var publicIp = $"{pub >> 24}.{(pub >> 16) & 255}.{(pub >> 8) & 255}.{pub & 255}";
            var privateIp = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
            _events[i] = i % 8 == 7
                ? ($"2001:db8::{i:x}", $"2a02:ff0::{i:x}", 40000 + i, 443, codes[i % codes.Length])
                : i % 2 == 0
                    ? (privateIp, publicIp, 40000 + i, 443, codes[i % codes.Length])
                    : (publicIp, privateIp, 50000 + i, 22, codes[i % codes.Length]);
        }

        List<EnricherOptions> all =
        [
            new() { Name = "geoip", Type = "geoip", Path = "city.mmdb" },
            new() { Name = "asn", Type = "asn", Path = "asn.mmdb" },
            new() { Name = "ip_class", Type = "ip_class" },
            new() { Name = "community_id", Type = "community_id" },
            new() { Name = "cloud_ranges", Type = "cloud_ranges", Path = "clouds.csv" },
            new() { Name = "mitre", Type = "mitre", Path = "mitre.yaml" },
        ];
        all.Add(new() { Name = "geoip_uncached", Type = "geoip", Path = "city.mmdb", Settings = { ["CacheSize"] = "0" } });
        all.Add(new() { Name = "asn_uncached", Type = "asn", Path = "asn.mmdb", Settings = { ["CacheSize"] = "0" } });
        var options = new EnrichmentOptions
        {
            DataDirectory = _dir,
            Enrichers = Enricher == "chain" ? all.Where(e => !e.Name.EndsWith("_uncached", StringComparison.Ordinal)).ToList() : [all.Single(e => e.Name == Enricher)],
        };
        _meter = new Meter("Logfold.Enricher.Benchmarks");
        _engine = EnrichmentEngine.Create(options, new EnricherContext { DataDirectory = _dir, Reload = new() { Watch = false } }, new EnrichmentMeterMetrics(_meter));
    }

    private void Fill(int i)
    {
        var e = _events[i];
        _doc.Reset();
        _doc.Set(Ecs.LogfoldSource, "windows_event");
        _doc.Set(Ecs.EventCode, e.Code);
        _doc.Set(SourceIp, e.Src);
        _doc.Set(Ecs.SourcePort, e.SrcPort);
        _doc.Set(DestinationIp, e.Dst);
        _doc.Set(Ecs.DestinationPort, e.DstPort);
        _doc.Set(Ecs.NetworkTransport, "tcp");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public int FillOnly()
    {
        var n = 0;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            Fill(i);
            n += _doc.FieldCount;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int Enrich()
    {
        var hits = 0;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            Fill(i);
            hits += _engine.Enrich(_doc).Hits;
        }

        return hits;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _engine?.Dispose();
        _meter?.Dispose();
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
