using System.Text;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.PaloAlto;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.PaloAlto;

public sealed class PaloAltoSourceTests
{
    private static readonly PaloAltoSource Source = new();

    // A PAN-OS 10.x TRAFFIC end log (67 columns), written from the documented field order.
    internal const string Traffic =
        "1,2024/03/12 09:15:03,013201001234,TRAFFIC,end,2561,2024/03/12 09:15:02,10.10.20.15,203.0.113.40,198.51.100.7,203.0.113.40," +
        "allow-web-out,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd-panorama,2024/03/12 09:15:02,184467,1,51544,443," +
        "28711,443,0x400053,tcp,allow,15230,2430,12800,31,2024/03/12 09:14:40,22,computer-and-internet-info,0,7345219011," +
        "0x8000000000000000,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin,0,0,0,0,,fw-edge-01,from-policy,,,0,,0,,N/A,0,0,0,0," +
        "6c1f4d3b-8a0e-4c55-9a2e-1f3b5d7e9a01,0";

    internal const string Config =
        "1,2024/03/12 11:10:00,013201001234,CONFIG,0,2561,2024/03/12 11:10:00,10.10.20.15,vsys1,set,admin,Web,Succeeded," +
        " deviceconfig system,,\"login-banner \"\"Authorized use only, all activity is logged\"\"\",663201,0x0,0,0,0,0,,fw-edge-01,0,";

    private static NormalizeContext Context(TimeZoneInfo? pan = null, TimeZoneInfo? fallback = null) => new()
    {
        DefaultTimeZone = fallback ?? TimeZoneInfo.Utc,
        PanOsTimeZone = pan,
        Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
    };

    private static (ParseResult Result, JsonObject Doc) Normalize(string line, NormalizeContext? context = null)
    {
        var doc = new EcsDocument();
        var result = Source.Normalize(Encoding.UTF8.GetBytes(line), context ?? Context(), doc);
        return (result, result.Success ? JsonNode.Parse(doc.ToJson())!.AsObject() : []);
    }

    private static JsonNode? At(JsonObject doc, string dotted)
    {
        JsonNode? node = doc;
        foreach (var part in dotted.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    [Theory]
    [InlineData(Traffic)]
    [InlineData("Mar 12 09:15:03 fw-edge-01 " + Traffic)]
    [InlineData("<14>Mar 12 09:15:03 fw-edge-01 " + Traffic)]
    [InlineData("<14>1 2024-03-12T09:15:03.000Z fw-edge-01 - - - - " + Traffic)]
    [InlineData("2024-03-12T09:15:03+01:00 fw-edge-01 " + Traffic)]
    [InlineData("Mar 12 09:15:03 fw-edge-01 013201001234,2024/03/12 12:40:00,audit,2561,cli-op,netops,show,success")]
    [InlineData("CEF:0|Palo Alto Networks|PAN-OS|10.2.8|end|TRAFFIC|1|rt=Mar 12 2024 12:10:00 GMT src=10.0.0.1")]
    [InlineData("Mar 12 09:15:03 fw LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.8|allow|cat=TRAFFIC|src=10.0.0.1")]
    [InlineData("1,2021-10-22T16:10:10.000000Z,no-serial,GLOBALPROTECT,globalprotect,9.1,2021-10-22T16:10:05.000000Z,vsys1")]
    public void Score_PanOsLine_IsAboveThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) >= 0.97);
    }

    [Theory]
    [InlineData("192.0.2.10 - - [12/Mar/2024:09:15:03 +0000] \"GET /index.html HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"")]
    [InlineData("Mar 12 09:15:03 asa01 %ASA-6-302013: Built outbound TCP connection 1234 for outside:203.0.113.40/443 (203.0.113.40/443) to inside:10.0.0.5/51544 (198.51.100.7/28711)")]
    [InlineData("date=2024-03-12 time=09:15:03 devname=\"FG100\" devid=\"FG100E0000000001\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.0.0.5 dstip=203.0.113.40 action=\"accept\"")]
    [InlineData("CEF:0|Fortinet|FortiGate|7.2|0000000013|forward traffic|5|src=10.0.0.5 dst=203.0.113.40")]
    [InlineData("CEF:0|Check Point|VPN-1 & FireWall-1|R81|Accept|Accept|2|src=10.0.0.5 dst=203.0.113.40 cs1Label=Palo Alto Networks")]
    [InlineData("Mar 12 09:15:03 web01 sshd[4242]: Accepted publickey for deploy from 198.51.100.23 port 50222 ssh2")]
    [InlineData("{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-03-12T09:15:03Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}")]
    [InlineData("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><EventID>4624</EventID></System></Event>")]
    [InlineData("2024/03/12 09:15:03,some,free,text")]
    [InlineData("")]
    [InlineData("1,2024/03/12")]
    public void Score_OtherSources_IsBelowThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) < 0.5);
    }

    [Fact]
    public void Score_PanShapedCsvWithUnknownType_IsBelowPanThreshold()
    {
        var score = Source.Score("1,2024/03/12 09:15:03,0123,WIDGET,end,1,2024/03/12 09:15:03,a,b"u8);

        Assert.True(score is > 0 and < 0.88);
    }

    [Fact]
    public void Score_DoesNotAllocate()
    {
        var line = Encoding.UTF8.GetBytes("Mar 12 09:15:03 fw-edge-01 " + Traffic);
        Source.Score(line);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Source.Score(line);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Normalize_Traffic_MapsSessionToEcs()
    {
        var (result, doc) = Normalize("Mar 12 09:15:03 fw-edge-01 " + Traffic);

        Assert.True(result.Success);
        Assert.Equal("2024-03-12T09:15:02.000Z", At(doc, "@timestamp")!.GetValue<string>());
        Assert.Equal("flow_terminated", At(doc, "event.action")!.GetValue<string>());
        Assert.Equal("success", At(doc, "event.outcome")!.GetValue<string>());
        Assert.Equal(51544, At(doc, "source.port")!.GetValue<long>());
        Assert.Equal(2430, At(doc, "source.bytes")!.GetValue<long>());
        Assert.Equal(12800, At(doc, "destination.bytes")!.GetValue<long>());
        Assert.Equal("198.51.100.7", At(doc, "source.nat.ip")!.GetValue<string>());
        Assert.Equal("jdoe", At(doc, "source.user.name")!.GetValue<string>());
        Assert.Equal("corp", At(doc, "user.domain")!.GetValue<string>());
        Assert.Equal(22_000_000_000, At(doc, "event.duration")!.GetValue<long>());
        Assert.True(At(doc, "labels.nat_translated")!.GetValue<bool>());
        Assert.Equal("fw-edge-01", At(doc, "observer.hostname")!.GetValue<string>());
        Assert.Equal("allow-web-out", At(doc, "rule.name")!.GetValue<string>());
        // The firewall's Receive Time is when the event was created (as Elastic maps it).
        Assert.Equal("2024-03-12T09:15:03.000Z", At(doc, "event.created")!.GetValue<string>());
    }

    [Fact]
    public void Normalize_NoPanOsZone_UsesDefaultZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("minus4", TimeSpan.FromHours(-4), "minus4", "minus4");

        var (_, doc) = Normalize(Traffic, Context(pan: null, fallback: zone));

        Assert.Equal("2024-03-12T13:15:02.000Z", At(doc, "@timestamp")!.GetValue<string>());
        Assert.Equal("-04:00", At(doc, "event.timezone")!.GetValue<string>());
    }

    [Fact]
    public void Normalize_PanOsZone_WinsOverDefaultZone()
    {
        var pan = TimeZoneInfo.CreateCustomTimeZone("plus0930", new TimeSpan(9, 30, 0), "plus0930", "plus0930");
        var other = TimeZoneInfo.CreateCustomTimeZone("minus4", TimeSpan.FromHours(-4), "minus4", "minus4");

        var (_, doc) = Normalize(Traffic, Context(pan, other));

        Assert.Equal("2024-03-11T23:45:02.000Z", At(doc, "@timestamp")!.GetValue<string>());
        Assert.Equal("+09:30", At(doc, "event.timezone")!.GetValue<string>());
    }

    [Fact]
    public void Normalize_SyslogHeaderTime_DoesNotReplaceGeneratedTime()
    {
        var (_, doc) = Normalize("<14>1 2030-01-01T00:00:00Z fw-edge-01 - - - - " + Traffic);

        Assert.Equal("2024-03-12T09:15:02.000Z", At(doc, "@timestamp")!.GetValue<string>());
        Assert.Equal(14, At(doc, "log.syslog.priority")!.GetValue<long>());
        Assert.Equal("fw-edge-01", At(doc, "log.syslog.hostname")!.GetValue<string>());
    }

    [Fact]
    public void Normalize_QuotedCommasAndDoubledQuotes_AreOneColumn()
    {
        var (result, doc) = Normalize(Config);

        Assert.True(result.Success);
        Assert.Equal("login-banner \"Authorized use only, all activity is logged\"", At(doc, "panw.panos.after_change_detail")!.GetValue<string>());
        Assert.Equal("663201", At(doc, "panw.panos.sequence_number")!.GetValue<string>());
        Assert.Equal("fw-edge-01", At(doc, "observer.hostname")!.GetValue<string>());
        Assert.Equal("cmd-set", At(doc, "event.action")!.GetValue<string>());
        Assert.Equal(" deviceconfig system", At(doc, "panw.panos.path")!.GetValue<string>());
    }

    [Fact]
    public void Normalize_EmptyColumns_AreLeftOut()
    {
        var (_, doc) = Normalize(Traffic);

        Assert.Null(At(doc, "destination.user"));
        Assert.Null(At(doc, "panw.panos.vsys_name"));
    }

    [Fact]
    public void Normalize_UntranslatedNat_IsRemoved()
    {
        var line = Traffic.Replace("198.51.100.7,203.0.113.40,allow", "0.0.0.0,0.0.0.0,allow", StringComparison.Ordinal)
            .Replace("51544,443,28711,443", "51544,443,0,0", StringComparison.Ordinal);

        var (_, doc) = Normalize(line);

        Assert.Null(At(doc, "source.nat"));
        Assert.Null(At(doc, "destination.nat"));
    }

    [Theory]
    [InlineData("1,2024/03/12 09:15:03,013201001234,TRAFFIC,end,2561,2024/03/12 09:15:02,10.10.20.15,203.0.113.40", "truncated")]
    [InlineData("1,2024/03/12 09:15:03,013201001234,THREAT,url,2049,2024/03/12 09:15:02,10.0.0.1,10.0.0.2,,,r,,,app,vsys1,t,u,e1,e2,p,2024/03/12 09:15:02,1,1,1,80,0,0,0x0,tcp,alert,\"cut.example.com/", "truncated")]
    [InlineData("1,2024/03/12 09:15:03,013201001234,CONFIG,0,2561,2024/02/30 09:15:02,10.10.20.15,vsys1,set,admin,Web,Succeeded,x", "invalid_timestamp")]
    [InlineData("Mar 12 09:15:03 fw CEF:0|Palo Alto Networks|PAN-OS|10.2.8", "truncated")]
    [InlineData("CEF:0|Palo Alto Networks|PAN-OS|10.2.8|end|TRAFFIC|1|src=10.0.0.1 dst=10.0.0.2", "invalid_timestamp")]
    [InlineData("hello world, this is not PAN-OS", "not_panos")]
    public void Normalize_BadInput_FailsWithReason(string line, string reason)
    {
        var (result, _) = Normalize(line);

        Assert.False(result.Success);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(ErrorCategory.Data, result.Category);
    }

    [Fact]
    public void Normalize_EveryPrefixOfALine_NeverThrows()
    {
        var lines = new[] { "Mar 12 09:15:03 fw-edge-01 " + Traffic, Config, PanCefTests.CefThreat, PanCefTests.Leef };
        var doc = new EcsDocument();
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            for (var n = 0; n <= bytes.Length; n++)
            {
                doc.Reset();
                Source.Score(bytes.AsSpan(0, n));
                Source.Normalize(bytes.AsSpan(0, n), Context(), doc);
            }
        }
    }

    private const string Noise = "\",{}\\|= 0a/:";

    [Fact]
    public void Normalize_RandomBytes_NeverThrows()
    {
        var random = new Random(1234);
        var doc = new EcsDocument();
        var seed = Encoding.UTF8.GetBytes(Traffic);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var k = 0; k < 8; k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)Noise[random.Next(Noise.Length)];
            }

            doc.Reset();
            Source.Score(bytes);
            Source.Normalize(bytes, Context(), doc);
        }
    }

    [Fact]
    public void Normalize_LinkSwitchesInBraces_DoNotShiftColumns()
    {
        var columns = new List<string>(Traffic.Split(','));
        while (columns.Count < 80)
        {
            columns.Add(string.Empty);
        }

        columns[69] = "{isp1,tag,ethernet,ethernet1/1,2024/03/12 09:40:00,1,2,ok,none}";
        columns[75] = "198.51.100.200";

        var (_, doc) = Normalize(string.Join(',', columns));

        Assert.Equal("{isp1,tag,ethernet,ethernet1/1,2024/03/12 09:40:00,1,2,ok,none}", At(doc, "panw.panos.link.switches")!.GetValue<string>());
        Assert.Equal("198.51.100.200", At(doc, "panw.panos.xff.ip")!.GetValue<string>());
    }

    [Theory]
    [InlineData("corp\\jdoe", "jdoe", "corp")]
    [InlineData("jdoe@corp.example.com", "jdoe", "corp.example.com")]
    [InlineData("jdoe", "jdoe", null)]
    public void SplitUser_Forms_SplitNameAndDomain(string value, string name, string? domain)
    {
        var doc = new EcsDocument();

        PanMapper.SplitUser(value, doc, Ecs.SourceUserName, Ecs.SourceUserDomain);

        Assert.Equal(name, doc.GetString(Ecs.SourceUserName));
        Assert.Equal(domain, doc.GetString(Ecs.SourceUserDomain));
    }

    [Fact]
    public void Detect_PanOsInSyslogHeader_IsPaloAlto()
    {
        var normalizer = LogNormalizer.CreateDefault();

        var detection = normalizer.Detect(Encoding.UTF8.GetBytes("<14>Mar 12 09:15:03 fw-edge-01 " + Traffic));

        Assert.Equal(SourceTypes.PaloAlto, detection.SourceType);
    }
}
