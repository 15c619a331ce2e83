namespace Logfold.Processing.Tests.Parse.WindowsEvent;

/// <summary>Hand-written Windows events (Microsoft's documented layouts) shared by the Windows tests.</summary>
internal static class WinSamples
{
    public const string Xml4624 =
        "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-a5ba-3e3b0328c30d}\"/>" +
        "<EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords>" +
        "<TimeCreated SystemTime=\"2026-03-10T08:15:02.441782312Z\"/><EventRecordID>771203</EventRecordID><Correlation/><Execution ProcessID=\"652\" ThreadID=\"4120\"/>" +
        "<Channel>Security</Channel><Computer>dc01.corp.example.com</Computer><Security/></System><EventData>" +
        "<Data Name=\"SubjectUserSid\">S-1-0-0</Data><Data Name=\"SubjectUserName\">-</Data><Data Name=\"SubjectLogonId\">0x0</Data>" +
        "<Data Name=\"TargetUserSid\">S-1-5-21-1-2-3-1107</Data><Data Name=\"TargetUserName\">alice@CORP.EXAMPLE.COM</Data><Data Name=\"TargetDomainName\">CORP</Data>" +
        "<Data Name=\"LogonType\">3</Data><Data Name=\"WorkstationName\">WS-0142</Data><Data Name=\"ProcessId\">0x0</Data><Data Name=\"ProcessName\">-</Data>" +
        "<Data Name=\"IpAddress\">10.20.4.17</Data><Data Name=\"IpPort\">50515</Data></EventData></Event>";

    public const string EventViewerCopy =
        "- <Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">- <System>  <Provider Name=\"Microsoft-Windows-Security-Auditing\" />   <EventID>4625</EventID>" +
        "   <Level>0</Level>   <Task>12544</Task>   <Keywords>0x8010000000000000</Keywords>   <TimeCreated SystemTime=\"2026-03-10T08:16:44.1029981Z\" />" +
        "   <EventRecordID>2524</EventRecordID>   <Channel>Security</Channel>   <Computer>exchange-1.corp.example.com</Computer>   <Security />   </System>" +
        "- <EventData>  <Data Name=\"TargetUserName\">bob</Data>   <Data Name=\"TargetDomainName\">CORP</Data>   <Data Name=\"IpAddress\">-</Data>   <Data Name=\"IpPort\">-</Data>   </EventData>  </Event>";

    public const string Winlogbeat4625 =
        "{\"@timestamp\":\"2026-03-10T08:21:17.000Z\",\"event\":{\"kind\":\"event\",\"code\":4625,\"provider\":\"Microsoft-Windows-Security-Auditing\",\"outcome\":\"failure\"}," +
        "\"host\":{\"name\":\"fs01.corp.example.com\"},\"winlog\":{\"channel\":\"Security\",\"provider_name\":\"Microsoft-Windows-Security-Auditing\",\"event_id\":4625," +
        "\"record_id\":882044,\"computer_name\":\"fs01.corp.example.com\",\"keywords\":[\"Audit Failure\"],\"level\":\"information\",\"time_created\":\"2026-03-10T08:21:16.992+01:00\"," +
        "\"event_data\":{\"TargetUserSid\":\"S-1-0-0\",\"TargetUserName\":\"guest\",\"TargetDomainName\":\"-\",\"Status\":\"0xc000006e\",\"SubStatus\":\"0xc0000072\"," +
        "\"LogonType\":\"3\",\"IpAddress\":\"::ffff:203.0.113.77\",\"IpPort\":\"49877\"}}}";

    public const string NxLog4688 =
        "{\"EventTime\":\"2026-03-10 09:10:00\",\"Hostname\":\"ws-0142.corp.example.com\",\"Keywords\":-9214364837600034816,\"EventType\":\"AUDIT_SUCCESS\",\"EventID\":4688," +
        "\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\",\"Category\":\"Process Creation\",\"RecordNumber\":1020400," +
        "\"SubjectUserSid\":\"S-1-5-21-1-2-3-1107\",\"SubjectUserName\":\"alice\",\"SubjectDomainName\":\"CORP\",\"SubjectLogonId\":\"0x1b0c4\",\"NewProcessId\":\"0x2f8\"," +
        "\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"ProcessId\":\"0x1330\",\"CommandLine\":\"cmd.exe /c \\\"dir C:\\\\Users\\\"\"," +
        "\"ParentProcessName\":\"C:\\\\Windows\\\\explorer.exe\",\"TargetUserName\":\"-\"}";

    public const string EvtxDump7045 =
        "{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Service Control Manager\"," +
        "\"Guid\":\"{555908d1-a6d7-4695-8e1e-26931d2012f4}\"}},\"EventID\":{\"#attributes\":{\"Qualifiers\":16384},\"#text\":7045},\"Version\":0,\"Level\":4,\"Task\":0,\"Opcode\":0," +
        "\"Keywords\":\"0x8080000000000000\",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2026-03-09T22:12:09.118804Z\"}},\"EventRecordID\":5512,\"Correlation\":null," +
        "\"Execution\":{\"#attributes\":{\"ProcessID\":716,\"ThreadID\":6080}},\"Channel\":\"System\",\"Computer\":\"DESKTOP-LAB7\",\"Security\":{\"#attributes\":{\"UserID\":\"S-1-5-18\"}}}," +
        "\"EventData\":{\"ServiceName\":\"WinSvcUpd\",\"ImagePath\":\"C:\\\\Users\\\\Public\\\\svcupd.exe\",\"ServiceType\":\"user mode service\",\"StartType\":\"auto start\"}}}";

    public const string NxLogSysmon3 =
        "{\"EventTime\":\"2026-03-10 09:31:00\",\"Hostname\":\"ws-0142.corp.example.com\",\"EventID\":3,\"SourceName\":\"Microsoft-Windows-Sysmon\"," +
        "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"UserID\":\"S-1-5-18\",\"RuleName\":\"-\",\"UtcTime\":\"2026-03-10 09:30:58.114\"," +
        "\"ProcessGuid\":\"{8f2c4d11-0001-65ed-0b00-000000001b00}\",\"ProcessId\":\"4\",\"Image\":\"System\",\"User\":\"NT AUTHORITY\\\\SYSTEM\",\"Protocol\":\"tcp\"," +
        "\"Initiated\":\"false\",\"SourceIsIpv6\":\"false\",\"SourceIp\":\"10.0.0.5\",\"SourceHostname\":\"-\",\"SourcePort\":\"445\",\"SourcePortName\":\"microsoft-ds\"," +
        "\"DestinationIp\":\"10.0.0.9\",\"DestinationHostname\":\"ws-0177.corp.example.com\",\"DestinationPort\":\"50211\"}";
}
