using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.CloudRanges;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich.CloudRanges;

public sealed class CloudRangesEnricherTests : IDisposable
{
    private const string AwsJson = """
        {
          "syncToken": "1764547200",
          "createDate": "2026-12-01-00-00-00",
          "prefixes": [
            { "ip_prefix": "52.94.0.0/16", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1" },
            { "ip_prefix": "52.94.0.0/16", "region": "us-east-1", "service": "DYNAMODB", "network_border_group": "us-east-1" },
            { "ip_prefix": "52.94.5.0/24", "region": "eu-west-1", "service": "EC2", "network_border_group": "eu-west-1" },
            { "ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "S3", "network_border_group": "ap-northeast-2" }
          ],
          "ipv6_prefixes": [
            { "ipv6_prefix": "2600:1f00::/24", "region": "GLOBAL", "service": "AMAZON", "network_border_group": "GLOBAL" },
            { "ipv6_prefix": "2600:1f14::/35", "region": "eu-west-1", "service": "EC2", "network_border_group": "eu-west-1" }
          ]
        }
        """;

    private readonly EnrichTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private IEnricher Create(string? path, params string[] paths)
    {
        var options = new EnricherOptions { Name = "cloud", Type = "cloud_ranges", Path = path, Paths = [.. paths] };
        Assert.Empty(new CloudRangesEnricherFactory().Validate(options));
        return new CloudRangesEnricherFactory().Create(options, _files.Context);
    }

    [Theory]
    [InlineData("52.94.1.1", "us-east-1", "DYNAMODB")]
    [InlineData("52.94.5.77", "eu-west-1", "EC2")]
    [InlineData("3.5.141.9", "ap-northeast-2", "S3")]
    [InlineData("2600:1f14::10", "eu-west-1", "EC2")]
    [InlineData("2600:1f99::10", "GLOBAL", "AMAZON")]
    public void Enrich_AwsJson_MostSpecificAndMostSpecificServiceWins(string ip, string region, string service)
    {
        var enricher = Create(_files.Write("ip-ranges.json", AwsJson));
        var doc = Event(("destination.ip", ip));

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        Assert.Equal("aws", Str(doc, "logfold.cloud_range.destination.provider"));
        Assert.Equal(region, Str(doc, "logfold.cloud_range.destination.region"));
        Assert.Equal(service, Str(doc, "logfold.cloud_range.destination.service"));
    }

    [Fact]
    public void Enrich_CsvAndJsonTogether_FirstFileHoldingTheAddressWins()
    {
        var csv = _files.Write("others.csv", """
            cidr,provider,region,service
            # Google and Azure blocks
            34.64.0.0/10,GCP,asia-northeast3,compute
            20.33.0.0/16,azure,westeurope,
            52.94.5.0/24,override,x,y
            """);
        var enricher = Create(_files.Write("ip-ranges.json", AwsJson), csv);
        var doc = Event(("source.ip", "34.64.1.1"), ("destination.ip", "52.94.5.1"));

        Assert.Equal(EnrichOutcome.Hit, enricher.Enrich(doc));

        Assert.Equal("gcp", Str(doc, "logfold.cloud_range.source.provider"));
        Assert.Equal("compute", Str(doc, "logfold.cloud_range.source.service"));
        Assert.Equal("aws", Str(doc, "logfold.cloud_range.destination.provider"));
        var azure = Event(("source.ip", "20.33.9.9"));
        enricher.Enrich(azure);
        Assert.Equal("azure", Str(azure, "logfold.cloud_range.source.provider"));
        Assert.Null(Str(azure, "logfold.cloud_range.source.service"));
    }

    [Fact]
    public void Enrich_AddressOutsideEveryRange_IsAMiss()
    {
        var enricher = Create(_files.Write("ip-ranges.json", AwsJson));

        Assert.Equal(EnrichOutcome.Miss, enricher.Enrich(Event(("source.ip", "10.0.0.1"))));
        Assert.Equal(EnrichOutcome.Skipped, enricher.Enrich(Event(("message", "x"))));
    }

    [Theory]
    [InlineData("bad.json", "{ not json", "not valid JSON")]
    [InlineData("bad.json", "{\"foo\": []}", "not an AWS ip-ranges file")]
    [InlineData("bad.json", "{\"prefixes\": [{\"ip_prefix\": \"52.94.0.0/33\"}]}", "prefixes[0]: '52.94.0.0/33' is not a CIDR")]
    [InlineData("bad.json", "{\"prefixes\": [{\"region\": \"x\"}]}", "prefixes[0] has no 'ip_prefix'")]
    [InlineData("bad.csv", "10.0.0.0/8\n", "line 1: expected cidr,provider")]
    [InlineData("bad.csv", "cidr,provider\n10.0.0.0/8,corp\nbanana,corp\n", "line 3: 'banana' is not a CIDR")]
    [InlineData("empty.csv", "# nothing\n", "no ranges found")]
    public void Create_BrokenFile_FailsWithFileAndLine(string name, string content, string expected)
    {
        var path = _files.Write(name, content);

        var ex = Assert.Throws<EnrichmentDataException>(() => Create(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_ChangedFile_NewRangesApply()
    {
        var path = _files.Write("corp.csv", "203.0.113.0/24,corp-cloud,dc1,vm\n");
        var enricher = Create(path);
        File.WriteAllText(path, "203.0.113.0/24,corp-cloud,dc2,vm\n");

        Assert.True(Assert.Single(_files.Context.Files).Reload());

        var doc = Event(("source.ip", "203.0.113.5"));
        enricher.Enrich(doc);
        Assert.Equal("dc2", Str(doc, "logfold.cloud_range.source.region"));
    }

    [Fact]
    public void Validate_NoPath_IsReported()
    {
        var options = new EnricherOptions { Name = "cloud", Type = "cloud_ranges" };

        Assert.Contains(new CloudRangesEnricherFactory().Validate(options), p => p.Contains("Path or Paths is required", StringComparison.Ordinal));
    }
}
