using System.Text.Json.Nodes;
using Logfold.Processing.Pipeline;
using Logfold.Testing;
using Logfold.Testing.Conformance;

namespace Logfold.Processing.Tests.Conformance;

public sealed class ConformanceRunnerTests
{
    [Theory]
    [InlineData("[\"a\",\"b\"]", "[\"b\",\"a\"]", true)]
    [InlineData("[\"a\",\"b\"]", "[\"a\"]", false)]
    [InlineData("\"2021-10-25T20:25:39.000-04:00\"", "\"2021-10-26T00:25:39.000Z\"", true)]
    [InlineData("\"2021-10-25T20:25:39.000-04:00\"", "\"2021-10-25T20:25:39.000Z\"", false)]
    [InlineData("443", "\"443\"", true)]
    [InlineData("\"x\"", "\"y\"", false)]
    [InlineData("\"single\"", "[\"single\"]", true)]
    public void Agree_ComparesSetsInstantsAndNumbers(string expected, string actual, bool agrees)
    {
        Assert.Equal(agrees, ConformanceRunner.Agree("f", JsonNode.Parse(expected), JsonNode.Parse(actual)));
    }

    [Fact]
    public void CaseConfig_Parse_ReadsZoneInjectedAndDynamicFields()
    {
        var config = CaseConfig.Parse(
        [
            "# ---- some/repo@abc:path/config.yml",
            "fields:",
            "  tags:",
            "    - preserve_original_event",
            "  _conf:",
            "    tz_offset: \"-04:00\"",
            "  \"@timestamp\": \"2024-07-07T11:07:58.223Z\"",
            "dynamic_fields:",
            "  event.ingested: \".*\"",
        ]);

        Assert.Equal(TimeSpan.FromHours(-4), config.TimeZone.BaseUtcOffset);
        Assert.Contains("@timestamp", config.SkippedFields);
        Assert.Contains("event.ingested", config.SkippedFields);
        Assert.Contains("_conf.tz_offset", config.SkippedFields);
        Assert.Contains("2024-07-07T11:07:58.223Z", config.InjectedValues);
    }

    [Fact]
    public void Run_ExpectedEventCreatedCopiesInjectedTimestamp_IsNotGraded()
    {
        var dir = Directory.CreateTempSubdirectory("logfold-corpus-");
        try
        {
            var source = Directory.CreateDirectory(Path.Combine(dir.FullName, SourceTypes.Unknown));
            File.WriteAllLines(Path.Combine(source.FullName, "case.log"), ["hello world", "second"]);
            File.WriteAllLines(Path.Combine(source.FullName, "case.config.yml"), ["fields:", "  \"@timestamp\": \"2021-11-11T01:02:03.123Z\""]);
            File.WriteAllText(Path.Combine(source.FullName, "case.expected.json"),
                "{\"expected\":[{\"message\":\"hello world\",\"event\":{\"created\":\"2021-11-11T01:02:03.123Z\"}}," +
                "{\"message\":\"second\",\"event\":{\"created\":\"2020-01-01T00:00:00.000Z\"}}]}");

            var stats = new ConformanceRunner(LogNormalizer.CreateDefault()).Run(dir.FullName).Sources[SourceTypes.Unknown];

            // Two messages agree; the injected copy is skipped; the other event.created is graded and missed.
            Assert.Equal(3, stats.Primary.Total);
            Assert.Equal(2, stats.Primary.Agree);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_SyntheticCorpus_CountsDetectionAndFieldAgreement()
    {
        var dir = Directory.CreateTempSubdirectory("logfold-corpus-");
        try
        {
            var source = Directory.CreateDirectory(Path.Combine(dir.FullName, SourceTypes.Unknown));
            File.WriteAllLines(Path.Combine(source.FullName, "case.log"), ["hello world", "second"]);
            File.WriteAllText(Path.Combine(source.FullName, "case.expected.json"),
                "{\"expected\":[{\"message\":\"hello world\",\"ecs\":{\"version\":\"8\"}},{\"message\":\"not what we produce\"}]}");

            var report = new ConformanceRunner(LogNormalizer.CreateDefault()).Run(dir.FullName);

            var stats = report.Sources[SourceTypes.Unknown];
            Assert.Equal(2, stats.Events);
            Assert.Equal(2, stats.Correct);
            Assert.Equal(2, stats.Primary.Total);
            Assert.Equal(1, stats.Primary.Agree);
            Assert.Equal(1, stats.FieldMisses["message"].Count);
            Assert.Contains("| unknown | 2 | 2 | 100.0% | 1/2 | 50.0%", report.ToMarkdown(ConformanceRunner.CoreSources), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_SharedCorpusWhenPresent_ProducesAReportForEveryCoreSource()
    {
        var corpus = RepoPaths.SharedCorpus;
        if (corpus is null)
        {
            return; // The corpus lives beside the repo; the project's own tests must pass without it.
        }

        var report = new ConformanceRunner(LogNormalizer.CreateDefault()).Run(corpus);

        foreach (var core in ConformanceRunner.CoreSources)
        {
            Assert.True(report.Sources.TryGetValue(core, out var stats), $"no report for {core}");
            Assert.True(stats.Events > 0, $"{core}: no events read");

            // The goals: detection >= 99% and core-field agreement >= 95% for every core source.
            double detection = (double)stats.Correct / stats.Events;
            Assert.True(detection >= 0.99, $"{core}: detection {detection:P1} is below 99%");
            if (stats.Primary.Total > 0)
            {
                double agreement = (double)stats.Primary.Agree / stats.Primary.Total;
                Assert.True(agreement >= 0.95, $"{core}: core-field agreement {agreement:P1} is below 95%");
            }
        }
    }

    [Fact]
    public void Run_PacketCaptureFile_IsListedAsExcludedNotGraded()
    {
        var root = Directory.CreateTempSubdirectory("logfold-conf-");
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "windows_event"));
            byte[] pcap = [0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00, (byte)'\n', 0x41, 0x42, (byte)'\n'];
            File.WriteAllBytes(Path.Combine(dir.FullName, "capture.log"), pcap);
            File.WriteAllText(Path.Combine(dir.FullName, "text.log"), "not a windows event\n");

            var report = new ConformanceRunner(LogNormalizer.CreateDefault()).Run(root.FullName);

            var excluded = Assert.Single(report.Excluded);
            Assert.Equal("capture.log", excluded.File);
            Assert.Contains("pcap", excluded.Reason, StringComparison.Ordinal);
            Assert.Equal(1, report.Sources["windows_event"].Events);
            Assert.Contains("capture.log", report.ToMarkdown(ConformanceRunner.CoreSources), StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
