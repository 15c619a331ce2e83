using System.Text;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.WindowsEvent;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.WindowsEvent;

public sealed class WindowsEventNormalizeTests
{
    private static readonly WindowsEventSource Source = new();

    private static readonly NormalizeContext Utc = GoldenFile.Context;

    private static (ParseResult Result, JsonObject Doc) Run(string line, NormalizeContext? context = null)
    {
        var doc = new EcsDocument();
        var result = Source.Normalize(Encoding.UTF8.GetBytes(line), context ?? Utc, doc);
        return (result, result.Success ? JsonNode.Parse(doc.ToJson())!.AsObject() : []);
    }

    private static string? Str(JsonObject doc, string dotted)
    {
        JsonNode? node = doc;
        foreach (var part in dotted.Split('.'))
        {
            node = node?[part];
        }

        return node switch
        {
            null => null,
            JsonValue v => v.ToString(),
            _ => node.ToJsonString(),
        };
    }

    [Fact]
    public void Normalize_Xml4624_MapsLogonLikeElastic()
    {
        var (result, doc) = Run(WinSamples.Xml4624);

        Assert.True(result.Success, result.Message);
        Assert.Equal("logged-in", Str(doc, "event.action"));
        Assert.Equal("[\"authentication\"]", Str(doc, "event.category"));
        Assert.Equal("[\"start\"]", Str(doc, "event.type"));
        Assert.Equal("success", Str(doc, "event.outcome"));
        Assert.Equal("4624", Str(doc, "event.code"));
        Assert.Equal("alice", Str(doc, "user.name"));
        Assert.Equal("CORP", Str(doc, "user.domain"));
        Assert.Equal("S-1-5-21-1-2-3-1107", Str(doc, "user.id"));
        Assert.Equal("10.20.4.17", Str(doc, "source.ip"));
        Assert.Equal("50515", Str(doc, "source.port"));
        Assert.Equal("WS-0142", Str(doc, "source.domain"));
        Assert.Equal("Network", Str(doc, "winlog.logon.type"));
        Assert.Equal("dc01.corp.example.com", Str(doc, "host.name"));
        Assert.Equal("771203", Str(doc, "winlog.record_id"));
    }

    [Fact]
    public void Normalize_XmlNineDigitFraction_TruncatesToTicksInUtc()
    {
        var (_, doc) = Run(WinSamples.Xml4624);

        Assert.Equal("2026-03-10T08:15:02.4417823Z", Str(doc, "@timestamp"));
    }

    [Fact]
    public void Normalize_TargetUserNameWithRealm_DropsRealmSuffix()
    {
        var (_, doc) = Run(WinSamples.Xml4624);

        Assert.Equal("[\"alice\"]", Str(doc, "related.user"));
    }

    [Fact]
    public void Normalize_DashPlaceholders_AreNotMapped()
    {
        var (result, doc) = Run(WinSamples.EventViewerCopy);

        Assert.True(result.Success, result.Message);
        Assert.Null(Str(doc, "source.ip"));
        Assert.Null(Str(doc, "source.port"));
        Assert.Null(Str(doc, "process.executable"));
        Assert.Equal("failure", Str(doc, "event.outcome"));
        Assert.Equal("logon-failed", Str(doc, "event.action"));
    }

    [Fact]
    public void Normalize_XmlEntitiesAndCharacterReferences_AreDecoded()
    {
        var line = WinSamples.Xml4624.Replace("<Data Name=\"WorkstationName\">WS-0142</Data>",
            "<Data Name=\"WorkstationName\">A&amp;B &lt;x&gt; &quot;q&quot; &#x41;&#66;&#10;</Data>", StringComparison.Ordinal);

        var (_, doc) = Run(line);

        Assert.Equal("A&B <x> \"q\" AB\n", Str(doc, "winlog.event_data.WorkstationName"));
    }

    [Fact]
    public void Normalize_XmlDoctypeAndUnknownEntity_AreNotExpanded()
    {
        var line = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
                   WinSamples.Xml4624.Replace(">WS-0142<", ">&xxe;<", StringComparison.Ordinal);

        var (result, doc) = Run(line);

        Assert.True(result.Success, result.Message);
        Assert.Equal("&xxe;", Str(doc, "source.domain"));
    }

    [Fact]
    public void Normalize_UnnamedData_BecomesParamN()
    {
        var line = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Application Error\"/><EventID Qualifiers=\"0\">1000</EventID>" +
                   "<Level>2</Level><TimeCreated SystemTime=\"2026-03-10T12:00:00Z\"/><Channel>Application</Channel><Computer>ws1</Computer></System>" +
                   "<EventData><Data>outlook.exe</Data><Data>16.0.1</Data></EventData></Event>";

        var (result, doc) = Run(line);

        Assert.True(result.Success, result.Message);
        Assert.Equal("outlook.exe", Str(doc, "winlog.event_data.param1"));
        Assert.Equal("16.0.1", Str(doc, "winlog.event_data.param2"));
        Assert.Equal("error", Str(doc, "log.level"));
    }

    [Fact]
    public void Normalize_WinlogbeatTimeWithOffset_IsConvertedToUtc()
    {
        var context = new NormalizeContext { DefaultTimeZone = TimeZones.Parse("+09:00")! };

        var (_, doc) = Run(WinSamples.Winlogbeat4625, context);

        Assert.Equal("2026-03-10T07:21:16.992Z", Str(doc, "@timestamp"));
    }

    [Fact]
    public void Normalize_NxLogEventTimeWithoutZone_UsesDefaultTimeZone()
    {
        var context = new NormalizeContext { DefaultTimeZone = TimeZones.Parse("+02:00")! };

        var (result, doc) = Run(WinSamples.NxLog4688, context);

        Assert.True(result.Success, result.Message);
        Assert.Equal("2026-03-10T07:10:00.000Z", Str(doc, "@timestamp"));
    }

    [Fact]
    public void Normalize_SysmonUtcTime_IgnoresDefaultTimeZone()
    {
        var context = new NormalizeContext { DefaultTimeZone = TimeZones.Parse("+02:00")! };

        var (_, doc) = Run(WinSamples.NxLogSysmon3, context);

        Assert.Equal("2026-03-10T09:30:58.114Z", Str(doc, "@timestamp"));
    }

    [Fact]
    public void Normalize_Winlogbeat4625_MapsFailureAndStripsMappedIpv6()
    {
        var (result, doc) = Run(WinSamples.Winlogbeat4625);

        Assert.True(result.Success, result.Message);
        Assert.Equal("failure", Str(doc, "event.outcome"));
        Assert.Equal("203.0.113.77", Str(doc, "source.ip"));
        Assert.Equal("49877", Str(doc, "source.port"));
        Assert.Equal("[\"203.0.113.77\"]", Str(doc, "related.ip"));
        Assert.Equal("Unknown user name or bad password.", Str(doc, "winlog.logon.failure.status"));
        Assert.Equal("User logon to account disabled by administrator", Str(doc, "winlog.logon.failure.sub_status"));
        Assert.Null(Str(doc, "user.domain"));
    }

    [Fact]
    public void Normalize_NxLog4688_MapsProcessAndParent()
    {
        var (result, doc) = Run(WinSamples.NxLog4688);

        Assert.True(result.Success, result.Message);
        Assert.Equal("created-process", Str(doc, "event.action"));
        Assert.Equal("760", Str(doc, "process.pid"));
        Assert.Equal("cmd.exe", Str(doc, "process.name"));
        Assert.Equal("4912", Str(doc, "process.parent.pid"));
        Assert.Equal("explorer.exe", Str(doc, "process.parent.name"));
        Assert.Equal("[\"cmd.exe\",\"/c\",\"\\u0022dir C:\\\\Users\\u0022\"]", Str(doc, "process.args"));
        Assert.Equal("alice", Str(doc, "user.name"));
        Assert.Equal("success", Str(doc, "event.outcome"));
        Assert.Equal("[\"Audit Success\"]", Str(doc, "winlog.keywords"));
        Assert.Equal("Process Creation", Str(doc, "winlog.task"));
    }

    [Fact]
    public void Normalize_EvtxDumpQualifiedEventId_IsRead()
    {
        var (result, doc) = Run(WinSamples.EvtxDump7045);

        Assert.True(result.Success, result.Message);
        Assert.Equal("7045", Str(doc, "event.code"));
        Assert.Equal("service-installed", Str(doc, "event.action"));
        Assert.Equal("WinSvcUpd", Str(doc, "service.name"));
        Assert.Equal("S-1-5-18", Str(doc, "user.id"));
        Assert.Equal("[\"Classic\"]", Str(doc, "winlog.keywords"));
        Assert.Equal("716", Str(doc, "winlog.process.pid"));
    }

    [Fact]
    public void Normalize_Sysmon3_MapsNetworkFields()
    {
        var (result, doc) = Run(WinSamples.NxLogSysmon3);

        Assert.True(result.Success, result.Message);
        Assert.Equal("[\"network\"]", Str(doc, "event.category"));
        Assert.Equal("10.0.0.5", Str(doc, "source.ip"));
        Assert.Equal("445", Str(doc, "source.port"));
        Assert.Equal("10.0.0.9", Str(doc, "destination.ip"));
        Assert.Equal("ws-0177.corp.example.com", Str(doc, "destination.domain"));
        Assert.Equal("ingress", Str(doc, "network.direction"));
        Assert.Equal("ipv4", Str(doc, "network.type"));
        Assert.Equal("tcp", Str(doc, "network.transport"));
        Assert.Equal("microsoft-ds", Str(doc, "network.protocol"));
        Assert.Equal("SYSTEM", Str(doc, "user.name"));
        Assert.Equal("NT AUTHORITY", Str(doc, "user.domain"));
        Assert.Null(Str(doc, "source.domain"));
        Assert.Null(Str(doc, "winlog.event_data.RuleName"));
    }

    [Fact]
    public void Normalize_Sysmon1CommandLine_SplitsLikeCommandLineToArgv()
    {
        var line = WinSamples.NxLogSysmon3.Replace("\"EventID\":3", "\"EventID\":1", StringComparison.Ordinal)
            .Replace("\"Image\":\"System\"", "\"Image\":\"C:\\\\Tools\\\\a.exe\",\"CommandLine\":\"\\\"C:\\\\Program Files\\\\a.exe\\\" \\\"two words\\\" back\\\\\\\\slash a\\\\\\\"b\"," +
                     "\"Hashes\":\"SHA1=00000000,MD5=ABCDEF\"", StringComparison.Ordinal);

        var (result, doc) = Run(line);

        Assert.True(result.Success, result.Message);
        Assert.Equal("[\"C:\\\\Program Files\\\\a.exe\",\"two words\",\"back\\\\\\\\slash\",\"a\\u0022b\"]", Str(doc, "process.args"));
        Assert.Equal("4", Str(doc, "process.args_count"));
        Assert.Equal("a.exe", Str(doc, "process.name"));
        Assert.Equal("abcdef", Str(doc, "process.hash.md5"));
        Assert.Null(Str(doc, "process.hash.sha1"));
    }

    [Fact]
    public void Normalize_1102UserData_CopiesSubject()
    {
        var line = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-Eventlog\"/><EventID>1102</EventID>" +
                   "<Keywords>0x4020000000000000</Keywords><TimeCreated SystemTime=\"2026-03-10T11:00:00.000Z\"/><Channel>Security</Channel><Computer>dc01</Computer></System>" +
                   "<UserData><LogFileCleared xmlns=\"http://manifests.microsoft.com/win/2004/08/windows/eventlog\"><SubjectUserSid>S-1-5-21-1-2-3-500</SubjectUserSid>" +
                   "<SubjectUserName>Administrator</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName><SubjectLogonId>0x8a3f2d0</SubjectLogonId></LogFileCleared></UserData></Event>";

        var (result, doc) = Run(line);

        Assert.True(result.Success, result.Message);
        Assert.Equal("audit-log-cleared", Str(doc, "event.action"));
        Assert.Equal("Administrator", Str(doc, "user.name"));
        Assert.Equal("S-1-5-21-1-2-3-500", Str(doc, "user.id"));
        Assert.Equal("0x8a3f2d0", Str(doc, "winlog.logon.id"));
        Assert.Equal("LogFileCleared", Str(doc, "winlog.user_data.xml_name"));
    }

    [Fact]
    public void Normalize_DuplicateJsonKeys_LastValueWins()
    {
        var line = WinSamples.NxLog4688.Replace("\"SubjectUserName\":\"alice\"", "\"SubjectUserName\":\"alice\",\"SubjectUserName\":\"bob\"", StringComparison.Ordinal);

        var (_, doc) = Run(line);

        Assert.Equal("bob", Str(doc, "user.name"));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Normalize_TruncatedXml_FailsWithTruncated(double keep)
    {
        var line = WinSamples.Xml4624[..(int)(WinSamples.Xml4624.Length * keep)];

        var (result, _) = Run(line);

        Assert.False(result.Success);
        Assert.Equal("truncated", result.Reason);
        Assert.Equal(ErrorCategory.Data, result.Category);
    }

    [Fact]
    public void Normalize_TruncatedJson_FailsWithTruncated()
    {
        var (result, _) = Run(WinSamples.NxLog4688[..^40]);

        Assert.False(result.Success);
        Assert.Equal("truncated", result.Reason);
    }

    [Fact]
    public void Normalize_JsonWithoutEventId_FailsWithMissingEventId()
    {
        var (result, _) = Run("{\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\",\"Hostname\":\"ws1\"}");

        Assert.False(result.Success);
        Assert.Equal("missing_event_id", result.Reason);
    }

    [Fact]
    public void Normalize_PlainText_FailsWithUnrecognizedFormat()
    {
        var (result, _) = Run("EventID 4624 An account was successfully logged on.");

        Assert.False(result.Success);
        Assert.Equal("unrecognized_format", result.Reason);
    }

    [Fact]
    public void Normalize_TrailingGarbageAfterJson_FailsWithInvalidJson()
    {
        var (result, _) = Run(WinSamples.NxLog4688 + " {}");

        Assert.False(result.Success);
        Assert.Equal("invalid_json", result.Reason);
    }

    [Fact]
    public void Normalize_RandomMutations_NeverThrow()
    {
        var random = new Random(4624);
        var seeds = new[] { WinSamples.Xml4624, WinSamples.EventViewerCopy, WinSamples.Winlogbeat4625, WinSamples.NxLog4688, WinSamples.EvtxDump7045, WinSamples.NxLogSysmon3 };
        var doc = new EcsDocument();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]);
            var cut = random.Next(bytes.Length);
            bytes[cut] = (byte)"<>\"{}[]:,&;/\\- x0"[random.Next(17)];
            var len = random.Next(1, bytes.Length + 1);
            doc.Reset();

            var result = Source.Normalize(bytes.AsSpan(0, len), Utc, doc);

            Assert.True(result.Success || (result.Category == ErrorCategory.Data && !string.IsNullOrEmpty(result.Reason)));
        }
    }

    [Fact]
    public void Normalize_ReusedDocument_CarriesNothingOver()
    {
        var doc = new EcsDocument();
        Source.Normalize(Encoding.UTF8.GetBytes(WinSamples.NxLogSysmon3), Utc, doc);
        doc.Reset();

        Source.Normalize(Encoding.UTF8.GetBytes(WinSamples.EvtxDump7045), Utc, doc);

        Assert.Null(doc.GetString(Ecs.DestinationIp));
        Assert.Equal("7045", doc.GetString(Ecs.EventCode));
    }
}
