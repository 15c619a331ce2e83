using System.Text;
using System.Text.Json.Nodes;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Robustness;

public sealed class RobustnessTests
{
    private static readonly LogNormalizer Normalizer = LogNormalizer.CreateDefault();

    // Representative lines of every core format, so the mutation test has seeds even without golden files.
    internal static readonly string[] Seeds =
    [
        "<14>Mar 10 00:00:00 PA-5220-DC1 1,2026/03/10 00:00:00,013201001234,TRAFFIC,end,2561,2026/03/10 00:00:00,10.40.109.141,192.0.2.235,198.51.100.6,0.0.0.0,dmz-inbound-https,corp\\mallory,,ssh,vsys1,trust,untrust,ethernet1/2,ethernet1/1,default-log-fwd,2026/03/10 00:00:00,632320,1,56492,22,14380,0,0x400019,tcp,allow,639570,34862,604708,1971,2026/03/09 23:59:52,291,private-ip-addresses,0,130456796,0x8000000000000000,10.0.0.0-10.255.255.255,Japan,0,40,1931,aged-out,0,0,0,0,,PA-5220-DC1,from-policy,,,0,,0,,N/A,0,0,0,0",
        "<86>Mar 10 00:00:00 ci-runner-01 sshd[21660]: Failed password for invalid user git from 203.0.113.141 port 41841 ssh2",
        "<78>Mar 10 00:00:00 db-01 CRON[15419]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
        "<165>1 2026-03-10T00:00:00.003Z mymachine.example.com evntslog 1234 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] An application event",
        "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::210987654321:user/ansible\",\"accountId\":\"210987654321\",\"userName\":\"ansible\"},\"eventTime\":\"2026-03-10T00:00:00Z\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"Mozilla/5.0\",\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"},\"eventID\":\"3b0e1d5c-0000-4000-8000-000000000001\",\"eventType\":\"AwsConsoleSignIn\",\"recipientAccountId\":\"210987654321\"}",
        "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T00:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.9\"},{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-10T00:00:01Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"awsRegion\":\"eu-west-1\"}]}",
        "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-a5ba-3e3b0328c30d}\"/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime=\"2026-03-10T00:00:00.000Z\"/><EventRecordID>1</EventRecordID><Execution ProcessID=\"612\" ThreadID=\"700\"/><Channel>Security</Channel><Computer>dc01.corp.example.com</Computer></System><EventData><Data Name=\"TargetUserName\">alice</Data><Data Name=\"TargetDomainName\">CORP</Data><Data Name=\"LogonType\">3</Data><Data Name=\"IpAddress\">10.1.2.3</Data><Data Name=\"IpPort\">51515</Data></EventData></Event>",
        "{\"EventTime\":\"2026-03-10 00:00:00\",\"Hostname\":\"ws-042.corp.example.com\",\"EventID\":4625,\"SourceName\":\"Microsoft-Windows-Security-Auditing\",\"Channel\":\"Security\",\"TargetUserName\":\"bob\",\"TargetDomainName\":\"CORP\",\"LogonType\":\"3\",\"IpAddress\":\"203.0.113.5\",\"Status\":\"0xc000006d\"}",
        "{\"__REALTIME_TIMESTAMP\":\"1773100800000000\",\"_HOSTNAME\":\"web-01\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"_PID\":\"1234\",\"PRIORITY\":\"6\",\"MESSAGE\":\"Accepted publickey for alice from 10.0.0.5 port 50000 ssh2\"}",
        "CEF:0|Palo Alto Networks|PAN-OS|10.2.0|end|TRAFFIC|1|rt=Mar 10 2026 00:00:00 GMT src=10.0.0.1 dst=192.0.2.1 spt=1234 dpt=443",
        "key=value other=\"quoted value\" third=3",
        "just some plain text",
    ];

    [Fact]
    public void Normalize_EmptyInput_FailsWithEmptyReason()
    {
        AssertFailure([], "empty");
        AssertFailure("   "u8.ToArray(), "empty");
    }

    [Fact]
    public void Normalize_InvalidUtf8_FailsWithInvalidUtf8Reason()
    {
        AssertFailure([0x3C, 0x31, 0x33, 0x3E, 0xC3, 0x28, 0xFF], "invalid_utf8");
    }

    [Fact]
    public void Normalize_BinaryInput_FailsWithBinaryReason()
    {
        AssertFailure([0x7B, 0x00, 0x01, 0x02, 0x7D], "binary");
    }

    [Fact]
    public void Normalize_OneMegabyteLine_FailsWithTooLarge()
    {
        var big = new byte[LogNormalizer.DefaultMaxEventBytes + 1];
        big.AsSpan().Fill((byte)'a');
        AssertFailure(big, "too_large");
    }

    [Fact]
    public void Normalize_JustUnderTheCap_IsNormalizedAsUnknownText()
    {
        var big = new byte[LogNormalizer.DefaultMaxEventBytes - 1];
        big.AsSpan().Fill((byte)'a');
        var doc = new EcsDocument();
        var result = Normalizer.Process(big, GoldenFile.Context, doc, out _);

        Assert.True(result.Success, result.Message);
        Assert.Equal(big.Length, doc.GetString(Ecs.Message)!.Length);
    }

    [Fact]
    public void Normalize_TruncatedSeeds_NeverThrowAndGiveClearOutcome()
    {
        var doc = new EcsDocument();
        foreach (var seed in Seeds)
        {
            var bytes = Encoding.UTF8.GetBytes(seed);
            for (var cut = 1; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 40))
            {
                AssertClearOutcome(bytes.AsSpan(0, cut), doc, $"seed '{seed[..Math.Min(30, seed.Length)]}' cut at {cut}");
            }
        }
    }

    [Fact]
    public void Normalize_SeededRandomMutations_NeverThrowAndAlwaysGiveClearOutcome()
    {
        var seeds = new List<byte[]>();
        foreach (var s in Seeds)
        {
            seeds.Add(Encoding.UTF8.GetBytes(s));
        }

        foreach (var file in GoldenFile.AllCases())
        {
            foreach (var line in File.ReadLines(Path.Combine(RepoPaths.TestData, file)))
            {
                if (line.Length > 0)
                {
                    seeds.Add(Encoding.UTF8.GetBytes(line));
                }
            }
        }

        var random = new Random(20261124);
        var doc = new EcsDocument();
        const int cases = 6000;
        for (var i = 0; i < cases; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var mutated = Mutate(seed, random);
            AssertClearOutcome(mutated, doc, $"case {i} (seed {Encoding.UTF8.GetString(seed[..Math.Min(40, seed.Length)])})");
        }
    }

    internal static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        ReadOnlySpan<byte> specials = "\",{}[]<>=:|\\ \t/0-9."u8;
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1: // flip a byte to anything (may break UTF-8)
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2: // replace with a structural character
                    bytes[at] = specials[random.Next(specials.Length)];
                    break;
                case 3: // delete a run
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 20)));
                    break;
                case 4: // duplicate a run
                    var len = Math.Min(bytes.Count - at, random.Next(1, 60));
                    bytes.InsertRange(at, bytes.GetRange(at, len));
                    break;
                case 5: // insert structural characters
                    for (var k = random.Next(1, 8); k > 0; k--)
                    {
                        bytes.Insert(at, specials[random.Next(specials.Length)]);
                    }

                    break;
                case 6: // replace a digit run with a huge number
                    bytes.InsertRange(at, "99999999999999999999999"u8.ToArray());
                    break;
                default: // swap two bytes
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
            }
        }

        return [.. bytes];
    }

    private static void AssertFailure(byte[] raw, string reason)
    {
        var doc = new EcsDocument();
        var result = Normalizer.Process(raw, GoldenFile.Context, doc, out _);

        Assert.False(result.Success);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(ErrorCategory.Data, result.Category);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    private static void AssertClearOutcome(ReadOnlySpan<byte> raw, EcsDocument doc, string what)
    {
        var result = Normalizer.Process(raw, GoldenFile.Context, doc, out var detection);
        if (result.Success)
        {
            // The document must serialize to valid JSON and carry the logfold stamp.
            var json = JsonNode.Parse(doc.ToJson());
            Assert.NotNull(json?["logfold"]?["source"]);
            return;
        }

        // A parser must never throw: a System failure here means a bug in a parser.
        Assert.True(result.Category == ErrorCategory.Data, $"{what}: {detection.SourceType} parser threw: {result.Message}");
        Assert.False(string.IsNullOrWhiteSpace(result.Reason), what);
        Assert.False(string.IsNullOrWhiteSpace(result.Message), what);
    }
}
