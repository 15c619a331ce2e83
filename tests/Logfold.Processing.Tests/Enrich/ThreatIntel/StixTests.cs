using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Tables;
using Logfold.Processing.Enrich.ThreatIntel;

namespace Logfold.Processing.Tests.Enrich.ThreatIntel;

public sealed class StixTests : IDisposable
{
    private const string Bundle = """
        {
          "type": "bundle",
          "id": "bundle--1",
          "objects": [
            { "type": "identity", "id": "identity--acme", "name": "ACME CTI", "spec_version": "2.1" },
            { "type": "indicator", "id": "indicator--1", "spec_version": "2.1", "created_by_ref": "identity--acme",
              "name": "C2 address", "description": "Known C2", "confidence": 85, "labels": ["malicious-activity"],
              "pattern": "[ipv4-addr:value = '203.0.113.50']", "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--2", "spec_version": "2.1",
              "pattern": "[domain-name:value = 'stix-evil.example' OR url:value = 'http://stix-evil.example/a'] OR [ipv6-addr:value = '2001:db8::bad']",
              "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z", "confidence": 40 },
            { "type": "indicator", "id": "indicator--3", "spec_version": "2.1",
              "pattern": "[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' OR file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f' OR file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']",
              "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--4", "spec_version": "2.1",
              "pattern": "[ipv4-addr:value = '192.0.2.1' AND network-traffic:dst_port = 443]", "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--5", "spec_version": "2.1", "revoked": true,
              "pattern": "[ipv4-addr:value = '192.0.2.2']", "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--6", "spec_version": "2.1",
              "pattern": "alert tcp any any -> any any", "pattern_type": "snort", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--7", "spec_version": "2.1",
              "pattern": "[ipv4-addr:value = '192.0.2.3'] WITHIN 300 SECONDS", "pattern_type": "stix", "valid_from": "2026-11-01T00:00:00Z" },
            { "type": "indicator", "id": "indicator--8", "spec_version": "2.1",
              "pattern": "[ipv4-addr:value = '198.51.100.0/24' OR email-addr:value = 'x@example.com']", "pattern_type": "stix",
              "valid_from": "2026-11-01T00:00:00Z", "valid_until": "2026-12-01T00:00:00Z" },
            { "type": "malware", "id": "malware--1", "name": "ignored" }
          ]
        }
        """;

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_Bundle_ReadsSimplePatternsAndContext()
    {
        var table = ThreatIntelTable.Load(_dir.Write("bundle.json", Bundle));

        Assert.Equal(8, table.Count);
        Assert.Equal(4, table.Skipped);
        Assert.True(IpKey.TryParse("203.0.113.50", out var c2));
        Assert.True(table.TryMatchIp(c2, out var indicator));
        Assert.Equal("ACME CTI", indicator.Provider);
        Assert.Equal("C2 address", indicator.Name);
        Assert.Equal("Known C2", indicator.Description);
        Assert.Equal("High", indicator.Confidence);
        Assert.Equal(["malicious-activity"], indicator.Labels);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), indicator.FirstSeen);
        Assert.True(table.TryMatchDomain("x.stix-evil.example", out var domain));
        Assert.Equal("Medium", domain.Confidence);
        Assert.Equal("bundle", domain.Provider);
        Assert.True(table.TryMatchUrl("http://stix-evil.example/a", out _));
        Assert.True(IpKey.TryParse("2001:db8::bad", out var v6));
        Assert.True(table.TryMatchIp(v6, out _));
        Assert.True(table.TryMatchHash("44D88612FEA8A8F36DE82E1278ABB02F", out _));
        Assert.True(table.TryMatchHash("3395856ce81f2b7382dee72602f798b642f14140", out _));
        Assert.True(table.TryMatchHash("275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f", out _));
        Assert.True(IpKey.TryParse("192.0.2.1", out var anded));
        Assert.False(table.TryMatchIp(anded, out _));
        Assert.True(IpKey.TryParse("198.51.100.77", out var ranged));
        Assert.True(table.TryMatchIp(ranged, out var expiring));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), expiring.ValidUntil);
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '1.2.3.4']", "Atoms", 1)]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'a.example']", "Atoms", 2)]
    [InlineData("([ipv4-addr:value = '1.2.3.4'] OR [ipv4-addr:value = '1.2.3.5'])", "Atoms", 2)]
    [InlineData("[(ipv4-addr:value = '1.2.3.4' OR ipv4-addr:value = '1.2.3.5')]", "Atoms", 2)]
    [InlineData("[url:value = 'http://a.example/it\\'s']", "Atoms", 1)]
    [InlineData("[ipv4-addr:value != '1.2.3.4']", "Unsupported", 0)]
    [InlineData("[ipv4-addr:value ISSUBSET '10.0.0.0/8']", "Unsupported", 0)]
    [InlineData("[process:pid = 4]", "Unsupported", 0)]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']", "Unsupported", 2)]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] REPEATS 5 TIMES", "Unsupported", 1)]
    [InlineData("[ipv4-addr:value = '1.2.3.4'", "SyntaxError", 1)]
    [InlineData("[ipv4-addr:value = '1.2.3.4]", "SyntaxError", 0)]
    [InlineData("ipv4-addr:value = '1.2.3.4'", "SyntaxError", 0)]
    [InlineData("[ipv4-addr:value = '1.2.3.4'] OR", "SyntaxError", 1)]
    public void Parse_Patterns_ReducesDisjunctionsToAtoms(string pattern, string expectedResult, int atoms)
    {
        var list = new List<(IndicatorKind, string)>();
        var expected = Enum.Parse<StixPattern.Result>(expectedResult);

        var result = StixPattern.Parse(pattern, list, out _);

        Assert.Equal(expected, result);
        if (expected != StixPattern.Result.SyntaxError)
        {
            Assert.Equal(atoms, list.Count);
        }
    }

    [Fact]
    public void Parse_EscapedQuote_UnescapesValue()
    {
        var list = new List<(IndicatorKind Kind, string Value)>();

        StixPattern.Parse("[url:value = 'http://a.example/it\\'s']", list, out _);

        Assert.Equal((IndicatorKind.Url, "http://a.example/it's"), list[0]);
    }

    [Fact]
    public void Load_BadPattern_ThrowsNamingIndicator()
    {
        var path = _dir.Write("bad.json", """{"type":"bundle","objects":[{"type":"indicator","id":"indicator--oops","pattern":"[ipv4-addr:value = '1.2.3.4'","pattern_type":"stix"}]}""");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("indicator--oops", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadAtomValue_ThrowsNamingIndicator()
    {
        var path = _dir.Write("bad.json", """{"type":"bundle","objects":[{"type":"indicator","id":"indicator--v","pattern":"[ipv4-addr:value = 'not-ip']","pattern_type":"stix"}]}""");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains("indicator--v", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not-ip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_ThrowsWithLine()
    {
        var path = _dir.Write("broken.json", "{\n  \"type\": \"bundle\",\n  \"objects\": [ {,} ]\n}\n");

        var ex = Assert.Throws<EnrichmentDataException>(() => ThreatIntelTable.Load(path));

        Assert.Contains(path + ":3:", ex.Message, StringComparison.Ordinal);
    }
}
