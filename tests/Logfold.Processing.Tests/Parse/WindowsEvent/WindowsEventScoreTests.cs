using System.Text;
using Logfold.Processing.Parse.WindowsEvent;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Tests.Parse.WindowsEvent;

public sealed class WindowsEventScoreTests
{
    private static readonly WindowsEventSource Source = new();
    private static readonly LogNormalizer Normalizer = LogNormalizer.CreateDefault();

    public static TheoryData<string> WindowsLines() =>
    [
        WinSamples.Xml4624,
        WinSamples.EventViewerCopy,
        WinSamples.Winlogbeat4625,
        WinSamples.NxLog4688,
        WinSamples.EvtxDump7045,
        WinSamples.NxLogSysmon3,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + WinSamples.Xml4624,
    ];

    public static TheoryData<string> OtherLines() =>
    [
        // CloudTrail: "eventID" (camelCase) must not be taken for a Windows EventID.
        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T00:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"eventID\":\"3b0e1d5c-0000-4000-8000-000000000001\",\"awsRegion\":\"eu-west-1\"}",
        "{\"__REALTIME_TIMESTAMP\":\"1773100800000000\",\"_HOSTNAME\":\"web-01\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"PRIORITY\":\"6\",\"MESSAGE\":\"Accepted publickey for alice from 10.0.0.5 port 50000 ssh2\"}",
        "<14>Mar 10 00:00:00 PA-5220 1,2026/03/10 00:00:00,013201001234,TRAFFIC,end,2561,2026/03/10 00:00:00,10.40.109.141,192.0.2.235,198.51.100.6,0.0.0.0,allow-web",
        "<86>Mar 10 00:00:00 ci-runner-01 sshd[21660]: Failed password for invalid user git from 203.0.113.141 port 41841 ssh2",
        "192.0.2.10 - - [10/Mar/2026:00:00:00 +0000] \"GET /index.html HTTP/1.1\" 200 5123 \"-\" \"Mozilla/5.0\"",
        "<166>Mar 10 2026 00:00:00: %ASA-6-302013: Built outbound TCP connection 1 for outside:192.0.2.1/443 (192.0.2.1/443) to inside:10.0.0.1/5000 (10.0.0.1/5000)",
        "CEF:0|Fortinet|Fortigate|7.2|0000000013|traffic:forward close|3|src=10.0.0.1 dst=192.0.2.1",
        "date=2026-03-10 time=00:00:00 devname=\"FGT60F\" logid=\"0000000013\" type=\"traffic\" srcip=10.0.0.1 dstip=192.0.2.1 action=\"accept\"",
        "<note><to>Tove</to><from>Jani</from><body>Event reminder</body></note>",
        "{\"EventName\":\"Login\",\"Computer\":\"ws1\",\"Id\":\"4624\"}",
        "2026-03-10 00:00:00, Info                  CBS    Loaded Servicing Stack v10.0.19041.3920 with Core: C:\\Windows\\winsxs\\amd64\\cbscore.dll",
        "just some plain text that mentions EventID 4624 and <Event> in passing",
        "",
        "{}",
    ];

    [Theory]
    [MemberData(nameof(WindowsLines))]
    public void Score_WindowsRenderings_AreAboveThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) >= 0.90);
    }

    [Theory]
    [MemberData(nameof(OtherLines))]
    public void Score_OtherSources_StayBelowThreshold(string line)
    {
        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) < 0.90, line);
    }

    [Fact]
    public void Detect_SysmonEvent_IsWindowsEvent()
    {
        var result = Normalizer.Detect(Encoding.UTF8.GetBytes(WinSamples.NxLogSysmon3));

        Assert.Equal(SourceTypes.WindowsEvent, result.SourceType);
    }

    [Fact]
    public void Detect_WinlogbeatJson_IsWindowsEventNotCloudTrailOrSyslog()
    {
        var result = Normalizer.Detect(Encoding.UTF8.GetBytes(WinSamples.Winlogbeat4625));

        Assert.Equal(SourceTypes.WindowsEvent, result.SourceType);
    }

    [Fact]
    public void Detect_WindowsCbsTextLog_IsNotClaimed()
    {
        var result = Normalizer.Detect("2016-09-28 04:30:30, Info                  CBS    Starting TrustedInstaller initialization."u8);

        Assert.NotEqual(SourceTypes.WindowsEvent, result.SourceType);
    }

    [Fact]
    public void Score_IisRequestLoggedToEventLog_IsLeftForAWebModule()
    {
        var line = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-IIS-Logging\"/>" +
                   "<EventID>6200</EventID><Channel>Microsoft-IIS-Logging/Logs</Channel></System><EventData><Data Name=\"cs-method\">GET</Data></EventData></Event>";

        Assert.True(Source.Score(Encoding.UTF8.GetBytes(line)) < 0.90);
    }

    [Fact]
    public void Score_PartialNxLogWithoutProvider_IsBelowThreshold()
    {
        // A flat object with an EventID but no provider, channel or host could be anything.
        Assert.True(Source.Score("{\"EventID\":4624,\"User\":\"alice\"}"u8) < 0.90);
    }

    [Fact]
    public void Score_ManyCalls_DoNotAllocate()
    {
        var bytes = Encoding.UTF8.GetBytes(WinSamples.NxLog4688);
        Source.Score(bytes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Source.Score(bytes);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
