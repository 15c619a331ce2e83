using System.Globalization;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Assets;
using Logfold.Processing.Enrich.ReverseDns;
using Logfold.Processing.Enrich.ThreatIntel;
using Logfold.Processing.Enrich.UserAgent;
using Logfold.Processing.Enrich.Users;
using Logfold.Processing.Model;

namespace Logfold.Benchmarks;

/// <summary>
/// Per-event cost of each intel enricher (threat_intel, assets, users, reverse_dns on a warm cache, user_agent)
/// and of all five chained through the engine, over a mix of firewall, DNS, web, process and logon events
/// (one event in four matches an indicator, far more than in real traffic, so hits are well represented). Tables are realistic in size: 100k IPs, 5k CIDRs, 50k
/// domains, 10k URLs and 30k hashes in the feeds; 20k assets; 50k users.
/// </summary>
[MemoryDiagnoser]
public class IntelBenchmarks : IDisposable
{
    private const int EventsPerInvoke = 16;
    private readonly string _dir = Directory.CreateTempSubdirectory("logfold-intel-bench-").FullName;
    private EcsDocument[] _events = null!;
    private ThreatIntelEnricher _threat = null!;
    private AssetEnricher _assets = null!;
    private UserEnricher _users = null!;
    private ReverseDnsEnricher _rdns = null!;
    private UserAgentEnricher _userAgent = null!;
    private EnrichmentEngine _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var feed = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            feed.Append(CultureInfo.InvariantCulture, $"203.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n");
        }

        for (var i = 0; i < 5_000; i++)
        {
            feed.Append(CultureInfo.InvariantCulture, $"198.{i / 256 % 256}.{i % 256}.0/24\n");
        }

        for (var i = 0; i < 50_000; i++)
        {
            feed.Append(CultureInfo.InvariantCulture, $"bad{i}.example\n");
        }

        for (var i = 0; i < 10_000; i++)
        {
            feed.Append(CultureInfo.InvariantCulture, $"http://dl{i}.example/payload{i}.bin\n");
        }

        for (var i = 0; i < 30_000; i++)
        {
            feed.Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).Append('\n');
        }

        var assets = new StringBuilder("ip,cidr,hostname,name,owner,criticality,environment,business_unit,tags\n");
        for (var i = 0; i < 20_000; i++)
        {
            assets.Append(CultureInfo.InvariantCulture, $"10.{(i >> 8) & 255}.{i & 255}.10,,,srv{i},team{i % 50},high,prod,bu{i % 7},linux\n");
        }

        assets.Append("""
            ,10.0.0.0/8,,corp,netops,medium,prod,corp,
            ,10.1.0.0/16,,dc-net,netops,high,prod,corp,
            ,,web01.corp.example,web01,web,medium,prod,retail,
            """);
        var users = new StringBuilder("user_name,domain,sid,email,full_name,department,title,manager,privileged,disabled\n");
        for (var i = 0; i < 50_000; i++)
        {
            users.Append(CultureInfo.InvariantCulture, $"user{i},CORP,S-1-5-21-1-2-3-{1000 + i},user{i}@corp.example,User {i},Dept{i % 20},Title,mgr{i % 100},{i % 10 == 0},false\n");
        }

        var feedPath = Write("feed.txt", feed.ToString());
        var assetsPath = Write("assets.csv", assets.ToString());
        var usersPath = Write("users.csv", users.ToString());
        _threat = new ThreatIntelEnricher("threat_intel", [new FixedSnapshot<ThreatIntelTable>(ThreatIntelTable.Load(feedPath))], new ThreatIntelSettings(), TimeProvider.System);
        _assets = new AssetEnricher("assets", new FixedSnapshot<AssetTable>(AssetTable.Load(assetsPath)), new AssetSettings());
        _users = new UserEnricher("users", new FixedSnapshot<UserTable>(UserTable.Load(usersPath)), new UserSettings());
        _rdns = new ReverseDnsEnricher("reverse_dns", new TablePtrResolver(), new ReverseDnsSettings(), TimeProvider.System);
        _userAgent = new UserAgentEnricher("user_agent", new UserAgentSettings());
        _chain = EnrichmentEngine.FromEnrichers([(_threat, null), (_assets, null), (_users, null), (_rdns, null), (_userAgent, null)]);

        _events = new EcsDocument[EventsPerInvoke];
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            _events[i] = MakeEvent(i);
        }

        // Warm the reverse-DNS and user-agent caches so the benchmark measures the steady state.
        foreach (var doc in _events)
        {
            _rdns.Enrich(doc);
            _userAgent.Enrich(doc);
        }

        _rdns.WhenIdle().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int ThreatIntel() => Run(_threat);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int Assets() => Run(_assets);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int Users() => Run(_users);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int ReverseDnsCached() => Run(_rdns);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int UserAgent() => Run(_userAgent);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int IntelChain()
    {
        var hits = 0;
        foreach (var doc in _events)
        {
            hits += _chain.Enrich(doc).Hits;
        }

        return hits;
    }

    public void Dispose()
    {
        _chain?.Dispose();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private int Run(IEnricher enricher)
    {
        var hits = 0;
        foreach (var doc in _events)
        {
            hits += enricher.Enrich(doc) == EnrichOutcome.Hit ? 1 : 0;
        }

        return hits;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static EcsDocument MakeEvent(int i)
    {
        var doc = new EcsDocument();
        switch (i % 4)
        {
            case 0: // firewall: internal source, external destination (every 8th one on a feed)
                doc.Set(Ecs.SourceIp, $"10.{i}.{i}.10");
                doc.Set(Ecs.DestinationIp, i == 0 ? $"203.0.{i}.{i}" : $"52.{i}.1.{i}");
                doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.SourceIp));
                doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.DestinationIp));
                break;
            case 1: // DNS query from a workstation
                doc.Set(Ecs.SourceIp, $"10.1.{i}.77");
                doc.Set(Ecs.DnsQuestionName, i == 1 ? $"cdn.bad{i}.example" : $"www.good{i}.example");
                break;
            case 2: // web / CloudTrail-style: URL and user agent
                doc.Set(Ecs.SourceIp, $"192.168.{i}.20");
                doc.Set(Ecs.UrlOriginal, $"http://dl{i}.example/payload{(i == 2 ? i : i + 1)}.bin");
                doc.Set(Ecs.UserAgentOriginal, i % 3 == 0
                    ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
                    : "aws-cli/2.13.0 Python/3.11.4 Linux/5.10.192 exe/x86_64.amzn.2 prompt/off command/s3.ls");
                doc.Set(Ecs.UserName, $"user{i * 37}@corp.example");
                break;
            default: // Windows logon with a process hash
                doc.Set(Ecs.HostName, "web01.corp.example");
                doc.Set(Ecs.UserName, $"CORP\\user{i * 101}");
                doc.Set(Ecs.UserTargetId, $"S-1-5-21-1-2-3-{1000 + i}");
                doc.Set(Ecs.ProcessHashSha256, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i == 3 ? i : -i))));
                break;
        }

        return doc;
    }

    private sealed class TablePtrResolver : IPtrResolver
    {
        public Task<string?> ResolvePtrAsync(IPAddress address, CancellationToken cancellationToken) =>
            Task.FromResult<string?>(address.ToString().Replace('.', '-') + ".corp.example");
    }
}
