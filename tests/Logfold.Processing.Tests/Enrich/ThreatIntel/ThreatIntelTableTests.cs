using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Tables;
using Logfold.Processing.Enrich.ThreatIntel;

namespace Logfold.Processing.Tests.Enrich.ThreatIntel;

public sealed class ThreatIntelTableTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ThreatIndicator? Ip(ThreatIntelTable table, string ip)
    {
        Assert.True(IpKey.TryParse(ip, out var key));
        return table.TryMatchIp(key, out var found) ? found : null;
    }

    [Fact]
    public void Load_PlainList_InfersEveryType()
    {
        var path = _dir.Write("list.txt", """
            # bad things
            203.0.113.7
            198.51.100.0/24   # a whole block
            2001:db8:bad::/48
            evil.example
            hxxp://phish[.]example/login?x=1
            44D88612FEA8A8F36DE82E1278ABB02F
            3395856ce81f2b7382dee72602f798b642f14140
            275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f
            """);

        var table = ThreatIntelTable.Load(path);

        Assert.Equal(8, table.Count);
        Assert.Equal("list", Ip(table, "203.0.113.7")!.Provider);
        Assert.NotNull(Ip(table, "198.51.100.200"));
        Assert.NotNull(Ip(table, "2001:db8:bad:1::1"));
        Assert.Null(Ip(table, "203.0.113.8"));
        Assert.True(table.TryMatchDomain("www.EVIL.example.", out var domain));
        Assert.Equal(IndicatorKind.Domain, domain.Kind);
        Assert.True(table.TryMatchUrl("HTTP://Phish.Example:80/login?x=1#top", out var url));
        Assert.Equal("http://phish.example/login?x=1", url.Value);
        Assert.True(table.TryMatchHash("44d88612fea8a8f36de82e1278abb02f", out var md5));
        Assert.Equal(IndicatorKind.Md5, md5.Kind);
        Assert.True(table.TryMatchHash("3395856CE81F2B7382DEE72602F798B642F14140", out var sha1));
        Assert.Equal(IndicatorKind.Sha1, sha1.Kind);
        Assert.True(table.TryMatchHash("275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F", out var sha256));
        Assert.Equal(IndicatorKind.Sha256, sha256.Kind);
    }

    [Theory]
    [InlineData("evil.example", true)]
    [InlineData("a.b.evil.example", true)]
    [InlineData("notevil.example", false)]
    [InlineData("example", false)]
    [InlineData("evil.example.org", false)]
    public void TryMatchDomain_SubdomainsMatch_LookalikesDoNot(string query, bool expected)
    {
        var table = ThreatIntelTable.Load(_dir.Write("d.txt", "evil.example\n"));

        Assert.Equal(expected, table.TryMatchDomain(query, out _));
    }

    [Fact]
    public void TryMatchUrl_DifferentPathCaseOrQuery_DoesNotMatch()
    {
        var table = ThreatIntelTable.Load(_dir.Write("u.txt", "https://cdn.example/Payload.exe\n"));

        Assert.True(table.TryMatchUrl("https://CDN.example:443/Payload.exe", out _));
        Assert.True(table.TryMatchUrl("https://user:pw@cdn.example/Payload.exe#frag", out _));
        Assert.False(table.TryMatchUrl("https://cdn.example/payload.exe", out _));
        Assert.False(table.TryMatchUrl("https://cdn.example/Payload.exe?x=1", out _));
        Assert.False(table.TryMatchUrl("https://cdn.example:8443/Payload.exe", out _));
        Assert.False(table.TryMatchUrl("/Payload.exe", out _));
    }

    [Fact]
    public void Load_PlainListWithGarbage_ThrowsWithFileAndLine()
    {
        var path = _dir.Write("bad.txt", "1.2.3.4\n# fine\nthis is not an indicator!\n");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains(path + ":3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var path = Path.Combine(_dir.Path, "absent.txt");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CsvWithConfiguredColumns_ReadsContext()
    {
        var path = _dir.Write("feed.csv", """
            ioc,kind,source,score,notes,seen
            203.0.113.9,ip,abuse.example,85,"C2, botnet",2026-10-01T00:00:00Z
            bad.example,,,10,,1759276800
            "hxxps://x[.]example/a",url,,Medium,,
            """);
        var settings = new ThreatFeedSettings
        {
            Path = path,
            Format = ThreatFeedFormat.Csv,
            Provider = "MyFeed",
            IndicatorColumn = "ioc",
            TypeColumn = "kind",
            ProviderColumn = "source",
            ConfidenceColumn = "score",
            DescriptionColumn = "notes",
            FirstSeenColumn = "seen",
        };

        var table = ThreatIntelTable.Load(settings);

        var ip = Ip(table, "203.0.113.9")!;
        Assert.Equal("abuse.example", ip.Provider);
        Assert.Equal("High", ip.Confidence);
        Assert.Equal("C2, botnet", ip.Description);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), ip.FirstSeen);
        Assert.True(table.TryMatchDomain("bad.example", out var domain));
        Assert.Equal("MyFeed", domain.Provider);
        Assert.Equal("Low", domain.Confidence);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1759276800), domain.FirstSeen);
        Assert.True(table.TryMatchUrl("https://x.example/a", out var url));
        Assert.Equal("Medium", url.Confidence);
    }

    [Theory]
    [InlineData("indicator,type\n1.2.3.4,ip\nfoo.example,mutex\n", 3, "unknown indicator type")]
    [InlineData("indicator,type\n1.2.3.4,ip\nnot-an-ip,ip\n", 3, "not an IP")]
    [InlineData("indicator,confidence\n1.2.3.4,very\n", 2, "confidence")]
    [InlineData("value,type\n1.2.3.4,ip\n", 1, "no 'indicator' column")]
    [InlineData("indicator,type\n1.2.3.4,md5\n", 2, "MD5")]
    public void Load_BrokenCsv_ThrowsWithLine(string content, int line, string reason)
    {
        var path = _dir.Write("broken.csv", content);

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(new ThreatFeedSettings { Path = path, Format = ThreatFeedFormat.Csv }));

        Assert.Contains($"{path}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MispExport_ReadsSupportedTypesAndSkipsTheRest()
    {
        var path = _dir.Write("misp.csv", """
            uuid,event_id,category,type,value,comment,to_ids,date,object_relation,attribute_tag,object_uuid,object_name,object_meta_category
            5f1a...,42,Network activity,ip-dst|port,198.51.100.10|443,C2 server,1,1764547200,,,,,
            5f1b...,42,Network activity,domain|ip,c2.example|198.51.100.11,,1,1764547200,,,,,
            5f1c...,42,Payload delivery,filename|sha256,drop.exe|275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f,,1,1764547200,,,,,
            5f1d...,42,Network activity,hostname,not-for-ids.example,,0,1764547200,,,,,
            5f1e...,42,Payload delivery,email-src,bad@example.com,,1,1764547200,,,,,
            5f1f...,43,Network activity,url,http://c2.example/gate.php,"multi
            line comment",1,1764547200,,,,,
            """);

        var table = ThreatIntelTable.Load(new ThreatFeedSettings { Path = path, Provider = "MISP" });

        Assert.Equal(5, table.Count);
        Assert.Equal(2, table.Skipped);
        var ip = Ip(table, "198.51.100.10")!;
        Assert.Equal("C2 server", ip.Description);
        Assert.Equal("MISP", ip.Provider);
        Assert.Equal("MISP event 42", ip.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764547200), ip.FirstSeen);
        Assert.Equal(["Network activity"], ip.Labels);
        Assert.NotNull(Ip(table, "198.51.100.11"));
        Assert.True(table.TryMatchDomain("www.c2.example", out _));
        Assert.True(table.TryMatchHash("275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", out _));
        Assert.False(table.TryMatchDomain("not-for-ids.example", out _));
        Assert.True(table.TryMatchUrl("http://c2.example/gate.php", out var url));
        Assert.Equal("multi\nline comment", url.Description);
    }

    [Fact]
    public void Load_MispWithToIdsOff_LoadsEverything()
    {
        var path = _dir.Write("misp.csv", "uuid,event_id,category,type,value,comment,to_ids,date\nu,1,c,domain,quiet.example,,0,2026-01-02\n");

        var table = ThreatIntelTable.Load(new ThreatFeedSettings { Path = path, MispToIdsOnly = false });

        Assert.True(table.TryMatchDomain("quiet.example", out var found));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), found.FirstSeen);
    }

    [Fact]
    public void Load_MispBadValue_ThrowsWithLine()
    {
        var path = _dir.Write("misp.csv", "uuid,event_id,category,type,value,comment,to_ids,date\nu,1,c,ip-src,1.2.3.4,,1,\nu,1,c,sha256,zz,,1,\n");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains(path + ":3:", ex.Message, StringComparison.Ordinal);
    }
}
