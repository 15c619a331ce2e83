using System.Text;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.PaloAlto;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.PaloAlto;

public sealed class PanCefTests
{
    internal const string CefThreat =
        "CEF:0|Palo Alto Networks|PAN-OS|10.2.8|url|THREAT|3|rt=Mar 12 2024 12:11:00 GMT deviceExternalId=013201001234 " +
        "src=10.10.20.44 dst=203.0.113.80 cs1Label=Rule cs1=allow web out suser=corp\\\\jdoe app=web-browsing spt=50999 dpt=80 " +
        "proto=tcp act=block-url request=www.example.com/a\\=b?x\\=1 cat=(9999) cs2Label=URL Category cs2=gambling " +
        "flexString2Label=Direction flexString2=client-to-server dvchost=fw-edge-01 msg=line1\\nline2";

    internal const string Leef =
        "LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.8|allow|cat=TRAFFIC|ReceiveTime=2024/03/12 12:20:00|" +
        "SerialNumber=013201001234|Type=TRAFFIC|Subtype=start|src=10.10.20.15|dst=203.0.113.40|srcPort=51560|dstPort=443|" +
        "proto=tcp|action=allow|DeviceName=fw-edge-01";

    private static readonly NormalizeContext Context = new()
    {
        Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
    };

    private static EcsDocument Normalize(string line, out ParseResult result)
    {
        var doc = new EcsDocument();
        result = new PaloAltoSource().Normalize(Encoding.UTF8.GetBytes(line), Context, doc);
        return doc;
    }

    [Fact]
    public void Normalize_CefThreat_MapsKeysLikeCsvColumns()
    {
        var doc = Normalize(CefThreat, out var result);

        Assert.True(result.Success, result.Message);
        Assert.Equal("THREAT", doc.GetString(PanFields.Type));
        Assert.Equal("url_filtering", doc.GetString(Ecs.EventAction));
        Assert.Equal("allow web out", doc.GetString(Ecs.RuleName));
        Assert.Equal("jdoe", doc.GetString(Ecs.SourceUserName));
        Assert.Equal("corp", doc.GetString(Ecs.SourceUserDomain));
        Assert.Equal("www.example.com/a=b?x=1", doc.GetString(Ecs.UrlOriginal));
        Assert.Equal("URL-filtering", doc.GetString(PanFields.ThreatName));
        Assert.Equal("failure", doc.GetString(Ecs.EventOutcome));
        Assert.Equal("inbound", doc.GetString(Ecs.NetworkDirection));
        Assert.Equal(80, doc.GetLong(Ecs.DestinationPort));
        Assert.Equal("fw-edge-01", doc.GetString(Ecs.ObserverHostname));
        Assert.True(doc.TryGet(Ecs.Timestamp, out var ts));
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 12, 11, 0, TimeSpan.Zero), ts.Timestamp);
    }

    [Fact]
    public void Normalize_Leef_UsesPipeDelimitedAttributes()
    {
        var doc = Normalize(Leef, out var result);

        Assert.True(result.Success, result.Message);
        Assert.Equal("flow_started", doc.GetString(Ecs.EventAction));
        Assert.Equal(51560, doc.GetLong(Ecs.SourcePort));
        Assert.Equal("leef", doc.GetString(PanFields.Format));
        Assert.Equal("fw-edge-01", doc.GetString(Ecs.ObserverHostname));
    }

    [Fact]
    public void Normalize_Leef2WithCaretDelimiter_SplitsOnCaret()
    {
        var doc = Normalize("LEEF:2.0|Palo Alto Networks|PAN-OS|11.1.2|deny|^|Type=TRAFFIC^Subtype=deny^ReceiveTime=2024/03/12 12:21:00^src=198.51.100.23^dstPort=22", out var result);

        Assert.True(result.Success, result.Message);
        Assert.Equal("198.51.100.23", doc.GetString(Ecs.SourceIp));
        Assert.Equal(22, doc.GetLong(Ecs.DestinationPort));
        Assert.Equal("flow_denied", doc.GetString(Ecs.EventAction));
    }

    [Fact]
    public void Normalize_CefEpochMillisTime_IsRead()
    {
        var doc = Normalize("CEF:0|Palo Alto Networks|PAN-OS|10.2.8|end|TRAFFIC|1|rt=1710245400000 src=10.0.0.1", out var result);

        Assert.True(result.Success, result.Message);
        Assert.True(doc.TryGet(Ecs.Timestamp, out var ts));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1710245400000), ts.Timestamp);
    }
}
