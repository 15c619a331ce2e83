using System.Text;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.LinuxSyslog;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Parse.LinuxSyslog;

public sealed class LinuxSyslogNormalizeTests
{
    private static readonly LinuxSyslogSource Source = new();

    private static readonly NormalizeContext Utc = new()
    {
        DefaultTimeZone = TimeZoneInfo.Utc,
        Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow),
    };

    private static JsonObject Map(string line, NormalizeContext? context = null)
    {
        var doc = new EcsDocument();
        var result = Source.Normalize(Encoding.UTF8.GetBytes(line), context ?? Utc, doc);
        Assert.True(result.Success, $"{result.Reason}: {result.Message}");
        return JsonNode.Parse(doc.ToJson())!.AsObject();
    }

    private static ParseResult Fail(string line)
    {
        var result = Source.Normalize(Encoding.UTF8.GetBytes(line), Utc, new EcsDocument());
        Assert.False(result.Success);
        Assert.Equal(ErrorCategory.Data, result.Category);
        return result;
    }

    private static string? Str(JsonObject o, string dotted)
    {
        JsonNode? node = o;
        foreach (var part in dotted.Split('.'))
        {
            node = node?[part];
        }

        return node?.ToJsonString().Trim('"');
    }

    private static string[] Arr(JsonObject o, string dotted)
    {
        JsonNode? node = o;
        foreach (var part in dotted.Split('.'))
        {
            node = node?[part];
        }

        return node is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToArray() : [];
    }

    [Fact]
    public void Normalize_SshAcceptedPublickey_MapsLikeSystemAuth()
    {
        var o = Map("Feb 21 21:54:44 localhost sshd[3402]: Accepted publickey for vagrant from 10.0.2.2 port 63673 ssh2: RSA 39:33:99:e9");
        Assert.Equal("ssh_login", Str(o, "event.action"));
        Assert.Equal("success", Str(o, "event.outcome"));
        Assert.Equal(["authentication", "session"], Arr(o, "event.category"));
        Assert.Equal(["info"], Arr(o, "event.type"));
        Assert.Equal("vagrant", Str(o, "user.name"));
        Assert.Equal("10.0.2.2", Str(o, "source.ip"));
        Assert.Equal("63673", Str(o, "source.port"));
        Assert.Equal(63673, o["source"]!["port"]!.GetValue<long>());
        Assert.Equal(3402, o["process"]!["pid"]!.GetValue<long>());
        Assert.Equal("publickey", Str(o, "system.auth.ssh.method"));
        Assert.Equal("RSA 39:33:99:e9", Str(o, "system.auth.ssh.signature"));
        Assert.Equal(["localhost"], Arr(o, "related.hosts"));
    }

    [Fact]
    public void Normalize_SshFailedForInvalidUser_StripsInvalidUserPrefix()
    {
        var o = Map("Dec 10 11:04:45 LabSZ sshd[25539]: Failed password for invalid user user from 103.99.0.122 port 52683 ssh2");
        Assert.Equal("user", Str(o, "user.name"));
        Assert.Equal("failure", Str(o, "event.outcome"));
        Assert.Equal("Failed", Str(o, "system.auth.ssh.event"));
    }

    [Fact]
    public void Normalize_SshPamIllegalUserFromHostname_SetsSourceDomain()
    {
        var o = Map("Feb 22 12:53:50 localhost-machine sshd[10161]: error: PAM: User not known to the underlying authentication module for illegal user test from test.example.com");
        Assert.Equal("test", Str(o, "user.name"));
        Assert.Equal("test.example.com", Str(o, "source.domain"));
        Assert.Null(o["source"]!["ip"]);
        Assert.Null(o["event"]!["outcome"]);
    }

    [Fact]
    public void Normalize_SshDroppedHostname_KeepsNoDroppedIp()
    {
        var o = Map("Feb 19 15:30:04 slave22 sshd[18406]: Did not receive identification string from scanner.example.net");
        Assert.Null(o["system"]);
        Assert.Null(o["source"]);
    }

    [Fact]
    public void Normalize_SshDisconnectPreauth_HasNoSessionCategory()
    {
        var o = Map("Dec 10 10:59:45 LabSZ sshd[25205]: Received disconnect from 183.62.140.253: 11: Bye Bye [preauth]");
        Assert.Equal("ssh_disconnect", Str(o, "event.action"));
        Assert.Equal("183.62.140.253", Str(o, "source.ip"));
        Assert.Empty(Arr(o, "event.category"));
    }

    [Fact]
    public void Normalize_SudoWithError_MapsErrorAndEffectiveUser()
    {
        var o = Map("Feb 24 00:13:02 precise32 sudo:      tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls -la ; echo");
        Assert.Equal("tsg", Str(o, "user.name"));
        Assert.Equal("root", Str(o, "user.effective.name"));
        Assert.Equal("user NOT in sudoers", Str(o, "system.auth.sudo.error"));
        Assert.Equal("/bin/ls -la ; echo", Str(o, "system.auth.sudo.command"));
        Assert.Equal(["tsg", "root"], Arr(o, "related.user"));
        Assert.Equal(["process"], Arr(o, "event.category"));
    }

    [Fact]
    public void Normalize_SudoWithoutCommand_IsPlainSyslog()
    {
        var o = Map("Feb 24 00:13:02 precise32 sudo: something unusual happened");
        Assert.Null(o["system"]);
        Assert.Equal("something unusual happened", Str(o, "message"));
    }

    [Fact]
    public void Normalize_PamSessionOpened_SplitsActorAndEffectiveUser()
    {
        var o = Map("Nov 24 10:01:12 web-02 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1000)");
        Assert.Equal("alice", Str(o, "user.name"));
        Assert.Equal("1000", Str(o, "user.id"));
        Assert.Equal("root", Str(o, "user.effective.name"));
        Assert.Equal("logged-on", Str(o, "event.action"));
        Assert.Equal(["session"], Arr(o, "event.category"));
    }

    [Fact]
    public void Normalize_PamAuthFailureWithHostnameRhost_SetsDomainAndUser()
    {
        var o = Map("Jun 15 02:04:59 combo sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net  user=root");
        Assert.Equal("root", Str(o, "user.name"));
        Assert.Equal("220-135-151-1.hinet-ip.hinet.net", Str(o, "source.domain"));
        Assert.Equal("authentication_failure", Str(o, "event.action"));
        Assert.Equal("failure", Str(o, "event.outcome"));
    }

    [Theory]
    [InlineData("Feb 24 00:12:14 precise32 su[4496]: + /dev/pts/1 root:tsg", "root", "tsg", "success")]
    [InlineData("Feb 24 00:12:14 precise32 su[4496]: - pts/1 alice:root", "alice", "root", "failure")]
    [InlineData("Feb 24 00:12:14 precise32 su[4496]: Successful su for tsg by root", "root", "tsg", "success")]
    [InlineData("Feb 24 00:12:14 precise32 su[4496]: FAILED SU (to root) alice on pts/2", "alice", "root", "failure")]
    public void Normalize_SuFormats_MapActorTargetAndOutcome(string line, string user, string effective, string outcome)
    {
        var o = Map(line);
        Assert.Equal(user, Str(o, "user.name"));
        Assert.Equal(effective, Str(o, "user.effective.name"));
        Assert.Equal(outcome, Str(o, "event.outcome"));
    }

    [Fact]
    public void Normalize_GroupAddedToFile_MapsGroup()
    {
        var o = Map("Feb 24 00:12:02 precise32 groupadd[4480]: group added to /etc/group: name=tsg, GID=1003");
        Assert.Equal("tsg", Str(o, "group.name"));
        Assert.Equal("1003", Str(o, "group.id"));
    }

    [Fact]
    public void Normalize_GroupAdd_MapsIamCreation()
    {
        var o = Map("Feb 22 11:47:05 localhost groupadd[6991]: new group: name=apache, GID=48");
        Assert.Equal("apache", Str(o, "group.name"));
        Assert.Equal("48", Str(o, "group.id"));
        Assert.Equal(["iam"], Arr(o, "event.category"));
        Assert.Equal(["group", "creation"], Arr(o, "event.type"));
        Assert.Equal("success", Str(o, "event.outcome"));
    }

    [Fact]
    public void Normalize_UserAddFailure_SetsFailureOutcome()
    {
        var o = Map("Feb 22 11:47:05 localhost useradd[6995]: failed adding user 'bob', data deleted");
        Assert.Equal("failure", Str(o, "event.outcome"));
    }

    [Fact]
    public void Normalize_UfwBlock_MapsNetworkFields()
    {
        var o = Map("Nov 24 08:01:44 app-03 kernel: [1834211.118276] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:35:02:52:54:00:ab:cd:ef:08:00 SRC=198.51.100.77 DST=10.0.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=40312 DF PROTO=TCP SPT=45126 DPT=3306 WINDOW=64240 RES=0x00 SYN URGP=0");
        Assert.Equal("block", Str(o, "event.action"));
        Assert.Equal(["denied", "connection"], Arr(o, "event.type"));
        Assert.Equal("tcp", Str(o, "network.transport"));
        Assert.Equal("198.51.100.77", Str(o, "source.ip"));
        Assert.Equal("45126", Str(o, "source.port"));
        Assert.Equal("10.0.2.15", Str(o, "destination.ip"));
        Assert.Equal("3306", Str(o, "destination.port"));
        Assert.Equal("52-54-00-AB-CD-EF", Str(o, "source.mac"));
        Assert.Equal(["SYN"], Arr(o, "iptables.tcp.flags"));
        Assert.Equal(["198.51.100.77", "10.0.2.15"], Arr(o, "related.ip"));
    }

    [Fact]
    public void Normalize_Ipv6Netfilter_UsesHopLimitAndTransport()
    {
        var o = Map("Nov 24 08:01:44 app-03 kernel: [UFW BLOCK] IN=eth0 OUT= MAC=33:33:00:00:00:01:52:54:00:ab:cd:ef:86:dd SRC=fe80::1 DST=ff02::1 LEN=72 TC=0 HOPLIMIT=255 FLOWLBL=0 PROTO=ICMPv6 TYPE=134 CODE=0");
        Assert.Equal("ipv6-icmp", Str(o, "network.transport"));
        Assert.Equal("ipv6", Str(o, "network.type"));
        Assert.Equal("255", Str(o, "iptables.ttl"));
        Assert.Equal("fe80::1", Str(o, "source.ip"));
    }

    [Fact]
    public void Normalize_KernelWithoutNetfilter_IsPlainSyslog()
    {
        var o = Map("Nov 24 08:03:00 app-03 kernel: EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro");
        Assert.Null(o["iptables"]);
        Assert.Null(o["event"]!["category"]);
    }

    [Fact]
    public void Normalize_NoHostname_TagStillParsed()
    {
        var o = Map("Nov 24 08:03:00 sudo: pam_unix(sudo:session): session closed for user root");
        Assert.Null(o["host"]);
        Assert.Equal("sudo", Str(o, "process.name"));
        Assert.Equal("root", Str(o, "user.name"));
    }

    [Fact]
    public void Normalize_Rfc3164InConfiguredZone_AppliesOffsetAndTimezone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test-0500", TimeSpan.FromHours(-5), "Test-0500", "Test-0500");
        var context = new NormalizeContext { DefaultTimeZone = zone, Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow) };
        var o = Map("Nov 24 08:00:01 app-03 systemd[1]: Started Session 1 of user root.", context);
        Assert.Equal("2026-11-24T13:00:01.000Z", Str(o, "@timestamp"));
        Assert.Equal("Test-0500", Str(o, "event.timezone"));
    }

    [Fact]
    public void Normalize_TimestampWithOffset_IgnoresDefaultZone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+0900", TimeSpan.FromHours(9), "Test+0900", "Test+0900");
        var context = new NormalizeContext { DefaultTimeZone = zone, Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow) };
        var o = Map("2018-08-14T14:30:02.203151+02:00 linux-sqrz systemd[4179]: Stopped target Paths.", context);
        Assert.Equal("2018-08-14T12:30:02.203Z", Str(o, "@timestamp"));
        Assert.Null(o["event"]!["timezone"]);
    }

    [Fact]
    public void Normalize_DecemberEventReadInJanuary_UsesPreviousYear()
    {
        var context = new NormalizeContext { Clock = new FixedTimeProvider(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero)) };
        var o = Map("Dec 31 23:59:58 host cron[1]: (root) CMD (true)", context);
        Assert.Equal("2026-12-31T23:59:58.000Z", Str(o, "@timestamp"));
    }

    [Fact]
    public void Normalize_Rfc5424StructuredDataWithEscapes_IsUnescaped()
    {
        var o = Map("<13>1 2026-11-24T10:00:00Z h app 1 ID [a@1 k=\"x \\\"y\\\" \\] z\" e=\"\"][b@2 n=\"1\"] text");
        Assert.Equal("x \"y\" ] z", o["log"]!["syslog"]!["structured_data"]!["a@1"]!["k"]!.GetValue<string>());
        Assert.Equal("1", Str(o, "log.syslog.structured_data.b@2.n"));
        Assert.Equal("text", Str(o, "message"));
        Assert.Equal("ID", Str(o, "log.syslog.msgid"));
    }

    [Fact]
    public void Normalize_Rfc5424RepeatedSdIdAndParam_FirstWins()
    {
        var o = Map("<13>1 2026-11-24T10:00:00Z h app 1 - [a@1 k=\"1\" k=\"2\"][a@1 k=\"3\"] text");
        Assert.Equal("1", o["log"]!["syslog"]!["structured_data"]!["a@1"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public void Normalize_Rfc5424NonNumericProcId_KeptAsProcid()
    {
        var o = Map("<13>1 2026-11-24T10:00:00Z h app worker-3 - - hello");
        Assert.Equal("worker-3", Str(o, "log.syslog.procid"));
        Assert.Null(o["process"]!["pid"]);
    }

    [Theory]
    [InlineData("Feb 30 10:00:00 web-02 sshd[100]: Accepted password for alice from 192.0.2.1 port 22 ssh2", "invalid_timestamp")]
    [InlineData("<34>1 2026-13-45T99:00:00Z host app - - - bad timestamp", "invalid_timestamp")]
    [InlineData("<34>1 2026-11-24T10:00:00Z host app 12 ID1 [exampleSDID@32473 iut=\"3\" eventSource=\"App", "truncated")]
    [InlineData("<34>1 2026-11-24T10:00:00Z host", "truncated")]
    [InlineData("<34>1 2026-11-24T10:00:00Z host app 12 ID1 garbage", "invalid_structured_data")]
    [InlineData("<13>Nov 24 10:0", "invalid_timestamp")]
    [InlineData("Nov 24 10:00:00 host", "truncated")]
    [InlineData("hello world", "invalid_header")]
    [InlineData("{\"__REALTIME_TIMESTAMP\":\"1795510800123456\",\"MESSAGE\":\"truncated", "invalid_json")]
    [InlineData("{\"__REALTIME_TIMESTAMP\":\"1795510800123456\"} trailing", "invalid_json")]
    [InlineData("[1,2,3]", "invalid_header")]
    [InlineData("{\"_HOSTNAME\":\"x\"}", "missing_field")]
    [InlineData("   ", "empty")]
    public void Normalize_MalformedInput_FailsWithReason(string line, string reason)
    {
        Assert.Equal(reason, Fail(line).Reason);
    }

    [Fact]
    public void Normalize_JournaldSshd_MapsHeaderAndAuthFields()
    {
        var o = Map("{\"__REALTIME_TIMESTAMP\":\"1795510800123456\",\"_HOSTNAME\":\"db-01\",\"_COMM\":\"sshd\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"_PID\":\"2210\",\"_UID\":\"0\",\"PRIORITY\":\"6\",\"SYSLOG_FACILITY\":\"10\",\"MESSAGE\":\"Failed password for root from 198.51.100.14 port 52210 ssh2\",\"MY_FIELD\":\"x\"}");
        Assert.Equal("2026-11-24T09:00:00.123Z", Str(o, "@timestamp"));
        Assert.Equal("db-01", Str(o, "host.hostname"));
        Assert.Equal("sshd", Str(o, "process.name"));
        Assert.Equal("2210", Str(o, "process.pid"));
        Assert.Equal("root", Str(o, "user.name"));
        Assert.Equal("failure", Str(o, "event.outcome"));
        Assert.Equal("authpriv", Str(o, "log.syslog.facility.name"));
        Assert.Equal("x", Str(o, "journald.custom.my_field"));
        Assert.Null(o["user"]!["id"]);
    }

    [Fact]
    public void Normalize_JournaldEscapedKeysAndNestedValues_AreTolerated()
    {
        var o = Map("{\"__REALTIME_TIMESTAMP\":\"1795510800000000\",\"\\u005fHOSTNAME\":\"db-02\",\"ODD\":{\"a\":[1,2]},\"MESSAGE\":\"caf\\u00e9\"}");
        Assert.Equal("db-02", Str(o, "host.hostname"));
        Assert.Equal("café", o["message"]!.GetValue<string>());
    }

    [Fact]
    public void Normalize_ArbitraryMutations_NeverThrow()
    {
        string[] seeds =
        [
            "<86>Nov 24 09:12:01 bastion-01 sshd[20931]: Accepted publickey for deploy from 203.0.113.45 port 51544 ssh2: ED25519 SHA256:x",
            "Nov 24 10:02:40 web-02 sudo:      bob : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/bob ; USER=root ; COMMAND=/usr/bin/id",
            "Nov 24 08:01:44 app-03 kernel: [1834211.118276] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:35:02:52:54:00:ab:cd:ef:08:00 SRC=198.51.100.77 DST=10.0.2.15 LEN=60 PROTO=TCP SPT=1 DPT=2",
            "<165>1 2026-11-24T07:22:14.003Z app-04 evntslog 2231 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\"] An application event",
            "{\"__REALTIME_TIMESTAMP\":\"1795510800123456\",\"_HOSTNAME\":\"db-01\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"MESSAGE\":[72,105]}",
            "Nov 24 10:05:31 web-02 useradd[4634]: new user: name=svc, UID=1005, GID=1005, home=/home/svc, shell=/bin/bash",
            "Nov 24 10:06:30 web-02 gpasswd[4690]: user carol added by root to group developers",
        ];
        const string Noise = " =[]:;,()'\"<>0aZ{}\\-.";
        var random = new Random(42);
        var doc = new EcsDocument();
        foreach (var seed in seeds)
        {
            var bytes = Encoding.UTF8.GetBytes(seed);
            for (var i = 0; i < 400; i++)
            {
                var mutated = (byte[])bytes.Clone();
                var cut = random.Next(mutated.Length + 1);
                var span = mutated.AsSpan(0, cut);
                for (var k = 0; k < 3 && span.Length > 0; k++)
                {
                    span[random.Next(span.Length)] = (byte)Noise[random.Next(Noise.Length)];
                }

                doc.Reset();
                var result = Source.Normalize(span, Utc, doc);
                Assert.True(result.Success || result.Category == ErrorCategory.Data);
                _ = Source.Score(span);
            }
        }
    }
}
