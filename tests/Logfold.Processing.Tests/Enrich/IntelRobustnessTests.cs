using System.Text.Json.Nodes;
using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.ReverseDns;
using Logfold.Processing.Enrich.ThreatIntel;
using Logfold.Processing.Enrich.UserAgent;
using Logfold.Processing.Model;
using Logfold.Testing;

namespace Logfold.Processing.Tests.Enrich;

/// <summary>Hostile input to the intel parsers, and the threat-intel enricher under concurrent use.</summary>
public sealed class IntelRobustnessTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TryReadPtrResponse_RandomBytes_OnlyEverReportsInvalidData()
    {
        var random = new Random(1234);
        var valid = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var message = new byte[random.Next(0, 300)];
            random.NextBytes(message);
            if (message.Length > 12)
            {
                // Make some messages look like replies to our query so the parser gets past the header.
                message[0] = 0;
                message[1] = 7;
                message[2] |= 0x80;
                message[4] = 0;
                message[5] = 1;
            }

            try
            {
                DnsMessage.TryReadPtrResponse(message, 7, "1.2.0.192.in-addr.arpa", out _);
                valid++;
            }
            catch (InvalidDataException)
            {
            }
        }

        // Reaching here means nothing but InvalidDataException escaped; some inputs must get through the header.
        Assert.InRange(valid, 1, 5_000);
    }

    [Fact]
    public void UserAgentParse_RandomText_NeverThrows()
    {
        var random = new Random(99);
        const string Alphabet = "Mozilla/5.0 (;) Chrome/ Safari/ Version/ Android iPhone OS_ Windows NT aws-cli/ os/#.[]";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var info = UserAgentParser.Parse(new string(chars));
            Assert.NotNull(info);
        }
    }

    [Fact]
    public void StixPatternParse_RandomText_NeverThrows()
    {
        var random = new Random(7);
        const string Alphabet = "[]()'\\ =!<>:.-ORANDipv4-addr:value domain-name file:hashes.'SHA-256' WITHIN 5 SECONDS";
        var atoms = new List<(IndicatorKind, string)>();
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = Alphabet[random.Next(Alphabet.Length)];
            }

            var result = StixPattern.Parse(new string(chars), atoms, out var error);
            Assert.True(result != StixPattern.Result.SyntaxError || error is not null);
        }
    }

    [Fact]
    public void Enrich_ManyThreadsWithHits_EachEventGetsItsOwnMatches()
    {
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 256; i++)
        {
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"203.0.113.{i}\nbad{i}.example\n");
        }

        var table = ThreatIntelTable.Load(_dir.Write("feed.txt", lines.ToString()));
        var enricher = new ThreatIntelEnricher("ti", [new FixedSnapshot<ThreatIntelTable>(table)], new ThreatIntelSettings(), new FixedTimeProvider(FixedTimeProvider.GoldenNow));
        var failures = 0;

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var doc = new EcsDocument();
            for (var n = 0; n < 500; n++)
            {
                var k = (worker * 500 + n) % 256;
                doc.Reset();
                doc.Set(Ecs.SourceIp, $"203.0.113.{k}");
                doc.Set(Ecs.DnsQuestionName, $"www.bad{k}.example");
                if (enricher.Enrich(doc) != EnrichOutcome.Hit)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                var matches = JsonNode.Parse(EnrichTestFiles.Value(doc, "threat.enrichments").ToString())!.AsArray();
                if (matches.Count != 2 || (string?)matches[0]!["matched"]!["atomic"] != $"203.0.113.{k}" || (string?)matches[1]!["indicator"]!["url"]!["domain"] != $"bad{k}.example")
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        Assert.Equal(0, failures);
    }
}
