using System.Text.Json.Nodes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Assets;
using Logfold.Processing.Model;

namespace Logfold.Processing.Tests.Enrich.Assets;

public sealed class AssetEnricherTests : IDisposable
{
    private const string Csv = """
        ip,cidr,hostname,name,owner,criticality,environment,business_unit,tags
        10.1.2.3,,,db01,dba-team,critical,prod,payments,pci;database
        ,10.1.0.0/16,,payments-net,netops,high,prod,payments,
        ,10.1.2.0/24,,payments-db-net,netops,critical,prod,payments,pci
        ,,web01.corp.example,web01,web-team,medium,staging,retail,linux|web
        ,2001:db8:42::/48,,lab-v6,lab,low,dev,research,
        """;

    private const string Yaml = """
        assets:
          - name: db01
            ip: 10.1.2.3
            owner: dba-team
            criticality: critical
            environment: prod
            business_unit: payments
            tags: [pci, database]
          - name: payments-db-net
            cidrs: [10.1.2.0/24]
            owner: netops
            criticality: critical
          - name: payments-net
            cidr: 10.1.0.0/16
            owner: netops
          - name: web01
            hostnames: [web01.corp.example, web01-alias]
            owner: web-team
            tags: linux
        """;

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private AssetEnricher Create(string file, string content, AssetSettings? settings = null) =>
        new("assets", new FixedSnapshot<AssetTable>(AssetTable.Load(_dir.Write(file, content))), settings ?? new AssetSettings());

    [Theory]
    [InlineData("assets.csv", Csv)]
    [InlineData("assets.yaml", Yaml)]
    public void Enrich_Ips_MostSpecificEntryWins(string file, string content)
    {
        var enricher = Create(file, content);
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "10.1.2.3");
        doc.Set(Ecs.DestinationIp, "10.1.2.77");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        var asset = JsonNode.Parse(doc.ToJson())!["logfold"]!["asset"]!;
        Assert.Equal("db01", (string?)asset["source"]!["name"]);
        Assert.Equal("dba-team", (string?)asset["source"]!["owner"]);
        Assert.Equal("critical", (string?)asset["source"]!["criticality"]);
        Assert.Equal("prod", (string?)asset["source"]!["environment"]);
        Assert.Equal("payments", (string?)asset["source"]!["business_unit"]);
        Assert.Equal(["pci", "database"], asset["source"]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("payments-db-net", (string?)asset["destination"]!["name"]);
    }

    [Fact]
    public void Enrich_BroaderBlockOnly_UsesIt()
    {
        var enricher = Create("assets.csv", Csv);
        var doc = new EcsDocument();
        doc.Set(Ecs.SourceIp, "10.1.200.1");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
        Assert.Equal("payments-net", doc.GetString(FieldPath.Of("logfold.asset.source.name")));
    }

    [Fact]
    public void Enrich_HostnameAnyCaseOrShortName_MatchesAndFillsHostName()
    {
        var enricher = Create("assets.yaml", Yaml);
        var byFqdn = new EcsDocument();
        byFqdn.Set(Ecs.HostHostname, "WEB01.corp.example");
        var byShort = new EcsDocument();
        byShort.Set(Ecs.HostName, "web01-alias.other.example");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(byFqdn));
        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(byShort));

        Assert.Equal("web-team", byFqdn.GetString(FieldPath.Of("logfold.asset.host.owner")));
        Assert.Equal("web01", byFqdn.GetString(Ecs.HostName));
        Assert.Equal("web01-alias.other.example", byShort.GetString(Ecs.HostName));
        Assert.Equal("web-team", byShort.GetString(FieldPath.Of("logfold.asset.host.owner")));
    }

    [Fact]
    public void Enrich_HostnameBeatsCidrButNotExactIp()
    {
        var enricher = Create("assets.csv", Csv + "\n10.9.9.9,,,exact,x,,,,\n,,named.example,named,y,,,,\n,10.9.0.0/16,,block,z,,,,\n");
        var named = new EcsDocument();
        named.Set(Ecs.DestinationIp, "10.9.1.1");
        named.Set(Ecs.DestinationDomain, "named.example");
        var exact = new EcsDocument();
        exact.Set(Ecs.DestinationIp, "10.9.9.9");
        exact.Set(Ecs.DestinationDomain, "named.example");

        enricher.Enrich(named);
        enricher.Enrich(exact);

        Assert.Equal("named", named.GetString(FieldPath.Of("logfold.asset.destination.name")));
        Assert.Equal("exact", exact.GetString(FieldPath.Of("logfold.asset.destination.name")));
    }

    [Fact]
    public void Enrich_HostIpArrayAndIpv6_Match()
    {
        var enricher = Create("assets.csv", Csv);
        var doc = new EcsDocument();
        doc.Add(FieldPath.Of("host.ip"), "192.0.2.1");
        doc.Add(FieldPath.Of("host.ip"), "2001:db8:42::9");

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));
        Assert.Equal("lab-v6", doc.GetString(FieldPath.Of("logfold.asset.host.name")));
    }

    [Fact]
    public void Enrich_UnknownAddress_Miss_NoAddress_Skipped()
    {
        var enricher = Create("assets.csv", Csv);
        var miss = new EcsDocument();
        miss.Set(Ecs.SourceIp, "8.8.8.8");
        var skipped = new EcsDocument();
        skipped.Set(Ecs.UserName, "bob");

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(miss));
        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(skipped));
        Assert.False(miss.HasAny(FieldPath.Of("logfold.asset")));
    }

    [Theory]
    [InlineData("a.csv", "ip,name\n10.0.0.1,a\n10.0.0.1,b\n", 3, "twice")]
    [InlineData("a.csv", "ip,name\n10.0.0.1,a\nnot-ip,b\n", 3, "not an IP")]
    [InlineData("a.csv", "ip,name\n10.0.0.1,a\n,b\n", 3, "no ip, cidr or hostname")]
    [InlineData("a.csv", "ip,name\n10.0.0.1,a,extra\n", 2, "fields")]
    [InlineData("a.yaml", "assets:\n  - ip: 10.0.0.1\n    ownr: typo\n", 3, "unknown key 'ownr'")]
    [InlineData("a.yaml", "assets:\n  - ip: 10.0.0.1\n  - ip: [10.0.0.2\n", 4, "YAML")]
    public void Load_BrokenFile_ThrowsWithFileAndLine(string file, string content, int line, string reason)
    {
        var path = _dir.Write(file, content);

        var ex = Assert.Throws<EnrichmentDataException>(() => AssetTable.Load(path));

        Assert.Contains($"{path}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownRole_Throws()
    {
        Assert.Throws<ArgumentException>(() => Create("assets.csv", Csv, new AssetSettings { Roles = ["observer"] }));
    }
}
