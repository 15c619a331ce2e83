using System.Text.Json.Nodes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.ThreatIntel;
using Logfold.Processing.Model;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Enrich.ThreatIntel;

public sealed class ThreatIntelEnricherTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private ThreatIntelEnricher Create(params ThreatIntelTable[] tables)
    {
        var feeds = new IDataSnapshot<ThreatIntelTable>[tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            feeds[i] = new FixedSnapshot<ThreatIntelTable>(tables[i]);
        }

        return new ThreatIntelEnricher("threat_intel", feeds, new ThreatIntelSettings(), _time);
    }

    private ThreatIntelTable Csv(string name, string content) => ThreatIntelTable.Load(_dir.Write(name, content));

    [Fact]
    public void Enrich_SourceIpInCidr_FillsIndicatorEnrichmentsAndTag()
    {
        var enricher = Create(Csv("feed.csv", "indicator,type,provider,confidence,description,first_seen\n198.51.100.0/24,cidr,abuse.example,90,scanner,2026-10-01T00:00:00Z\n"));
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "198.51.100.23");
        doc.Set(Ecs.DestinationIp, "10.0.0.1");
        doc.Add(Ecs.RelatedIp, "198.51.100.23");
        doc.Add(Ecs.RelatedIp, "10.0.0.1");

        var outcome = enricher.Enrich(doc);

        Assert.Equal(EnrichOutcome.Hit, outcome);
        var json = JsonNode.Parse(doc.ToJson())!;
        var indicator = json["threat"]!["indicator"]!;
        Assert.Equal("ipv4-addr", (string?)indicator["type"]);
        Assert.Equal("198.51.100.23", (string?)indicator["ip"]);
        Assert.Equal("abuse.example", (string?)indicator["provider"]);
        Assert.Equal("High", (string?)indicator["confidence"]);
        Assert.Equal("scanner", (string?)indicator["description"]);
        Assert.Equal("2026-10-01T00:00:00.000Z", (string?)indicator["first_seen"]);
        var enrichments = json["threat"]!["enrichments"]!.AsArray();
        var only = Assert.Single(enrichments)!;
        Assert.Equal("198.51.100.23", (string?)only["matched"]!["atomic"]);
        Assert.Equal("source.ip", (string?)only["matched"]!["field"]);
        Assert.Equal("indicator_match_rule", (string?)only["matched"]!["type"]);
        Assert.Equal("198.51.100.23", (string?)only["indicator"]!["ip"]);
        Assert.Equal("abuse.example", (string?)only["indicator"]!["provider"]);
        Assert.Contains("threat-intel-match", doc.TryGet(Ecs.Tags, out var tags) ? tags.Array! : []);
        Assert.True((bool)json["logfold"]!["threat"]!["matched"]!);
    }

    [Fact]
    public void Enrich_DnsQuestionSubdomain_MatchesDomainIndicator()
    {
        var enricher = Create(Csv("d.txt", "evil.example\n"));
        var doc = new EcsDocument();
        doc.Set(Ecs.DnsQuestionName, "cdn.EVIL.example.");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        var json = JsonNode.Parse(doc.ToJson())!;
        Assert.Equal("domain-name", (string?)json["threat"]!["indicator"]!["type"]);
        Assert.Equal("evil.example", (string?)json["threat"]!["indicator"]!["url"]!["domain"]);
        var match = json["threat"]!["enrichments"]![0]!;
        Assert.Equal("cdn.EVIL.example.", (string?)match["matched"]!["atomic"]);
        Assert.Equal("dns.question.name", (string?)match["matched"]!["field"]);
        Assert.Equal("evil.example", (string?)match["indicator"]!["url"]!["domain"]);
    }

    [Fact]
    public void Enrich_UrlAndUppercaseProcessHash_MatchBoth()
    {
        var enricher = Create(Csv("mixed.txt", "http://dl.example/x.bin\n275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f\n"));
        var doc = new EcsDocument();
        doc.Set(Ecs.UrlOriginal, "HTTP://DL.example:80/x.bin");
        doc.Set(Ecs.ProcessHashSha256, "275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        var json = JsonNode.Parse(doc.ToJson())!;
        Assert.Equal("url", (string?)json["threat"]!["indicator"]!["type"]);
        Assert.Equal("http://dl.example/x.bin", (string?)json["threat"]!["indicator"]!["url"]!["full"]);
        var enrichments = json["threat"]!["enrichments"]!.AsArray();
        Assert.Equal(2, enrichments.Count);
        Assert.Equal("file", (string?)enrichments[1]!["indicator"]!["type"]);
        Assert.Equal("275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", (string?)enrichments[1]!["indicator"]!["file"]!["hash"]!["sha256"]);
        Assert.Equal("process.hash.sha256", (string?)enrichments[1]!["matched"]!["field"]);
    }

    [Fact]
    public void Enrich_TwoFeedsSameAddress_ListsBothProviders()
    {
        var enricher = Create(
            ThreatIntelTable.Load(new ThreatFeedSettings { Path = _dir.Write("a.txt", "203.0.113.5\n"), Provider = "FeedA" }),
            ThreatIntelTable.Load(new ThreatFeedSettings { Path = _dir.Write("b.txt", "203.0.113.0/28\n"), Provider = "FeedB" }));
        var doc = new EcsDocument();
        doc.Set(Ecs.DestinationIp, "203.0.113.5");
        doc.Add(Ecs.RelatedIp, "203.0.113.5");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        var enrichments = JsonNode.Parse(doc.ToJson())!["threat"]!["enrichments"]!.AsArray();
        Assert.Equal(2, enrichments.Count);
        Assert.Equal("FeedA", (string?)enrichments[0]!["indicator"]!["provider"]);
        Assert.Equal("FeedB", (string?)enrichments[1]!["indicator"]!["provider"]);
        Assert.Equal("destination.ip", (string?)enrichments[1]!["matched"]!["field"]);
    }

    [Fact]
    public void Enrich_NoIndicatorMatches_MissWithNoFields()
    {
        var enricher = Create(Csv("f.txt", "203.0.113.5\nevil.example\n"));
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "203.0.113.6");
        doc.Set(Ecs.UrlDomain, "good.example");
        var before = doc.FieldCount;

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(doc));
        Assert.Equal(before, doc.FieldCount);
    }

    [Fact]
    public void Enrich_NoCheckedFields_Skipped()
    {
        var enricher = Create(Csv("f.txt", "203.0.113.5\n"));
        var doc = new EcsDocument();
        doc.Set(Ecs.UserName, "alice");

        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(doc));
    }

    [Fact]
    public void Enrich_ExpiredStixIndicator_DoesNotMatch()
    {
        var path = _dir.Write("s.json", """
            [{"type":"indicator","id":"indicator--old","pattern":"[ipv4-addr:value = '192.0.2.9']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","valid_until":"2026-11-01T00:00:00Z"},
             {"type":"indicator","id":"indicator--new","pattern":"[ipv4-addr:value = '192.0.2.10']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","valid_until":"2027-01-01T00:00:00Z"}]
            """);
        var enricher = Create(ThreatIntelTable.Load(path));
        var expired = new EcsDocument();
        expired.Set(Ecs.SourceIp, "192.0.2.9");
        var valid = new EcsDocument();
        valid.Set(Ecs.SourceIp, "192.0.2.10");

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(expired));
        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(valid));
    }

    [Fact]
    public void Enrich_SnapshotSwapped_UsesNewTable()
    {
        var snapshot = new SwappableSnapshot<ThreatIntelTable>(Csv("v1.txt", "203.0.113.1\n"));
        var enricher = new ThreatIntelEnricher("threat_intel", [snapshot], new ThreatIntelSettings(), _time);
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "203.0.113.2");
        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(doc));

        snapshot.Current = Csv("v2.txt", "203.0.113.2\n");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
    }
}
