using System.Text;
using System.Text.Json.Nodes;

namespace Logfold.Cli.Tests;

public sealed class NormalizeCommandTests
{
    [Fact]
    public void Normalize_PlainLines_WritesOneNdjsonEventPerLineInOrder()
    {
        var result = CliRunner.Run("first line\nsecond line\nthird line\n", "normalize");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Lines;
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < 3; i++)
        {
            var doc = JsonNode.Parse(lines[i])!;
            Assert.Equal(i + 1, (long)doc["logfold"]!["input"]!["line"]!);
            Assert.NotNull((string?)doc["logfold"]!["source"]);
            Assert.NotNull(doc["logfold"]!["confidence"]);
        }

        Assert.Equal("second line", (string?)JsonNode.Parse(lines[1])!["message"]);
    }

    [Fact]
    public void Normalize_BadLines_GoToDlqWithReasonLineAndRaw()
    {
        var dlq = Path.Combine(Path.GetTempPath(), $"logfold-dlq-{Guid.NewGuid():N}.json");
        try
        {
            var input = new List<byte>();
            input.AddRange(Encoding.UTF8.GetBytes("good line\n\n"));
            input.AddRange(new byte[] { 0xC3, 0x28, (byte)'x', (byte)'\n' });
            input.AddRange(Encoding.UTF8.GetBytes("nul\0byte\n"));
            var result = CliRunner.RunBytes([.. input], "normalize", "--dlq", dlq);

            Assert.Equal(0, result.ExitCode);
            Assert.Single(result.Lines);
            var failures = File.ReadAllLines(dlq).Select(l => JsonNode.Parse(l)!).ToArray();
            Assert.Equal(3, failures.Length);
            Assert.Equal(("empty", 2L), ((string)failures[0]["reason"]!, (long)failures[0]["line"]!));
            Assert.Equal(("invalid_utf8", 3L), ((string)failures[1]["reason"]!, (long)failures[1]["line"]!));
            Assert.Equal("wyh4", (string?)failures[1]["raw_base64"]);
            Assert.Equal(("binary", 4L), ((string)failures[2]["reason"]!, (long)failures[2]["line"]!));
            Assert.Equal("Data", (string?)failures[2]["category"]);
            Assert.Contains("read=4 events=4 normalized=1 unknown=1 failed=3", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dlq);
        }
    }

    [Fact]
    public void Normalize_OversizedLine_IsDeadLetteredWithoutBufferingItAll()
    {
        var big = new string('a', 1024 * 1024 + 10);
        var result = CliRunner.Run($"before\n{big}\nafter\n", "normalize");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.Equal(3L, (long)JsonNode.Parse(result.Lines[1])!["logfold"]!["input"]!["line"]!);
        Assert.Contains("\"reason\":\"too_large\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"line\":2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed=1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_NoDlqOption_WritesFailuresToStderr()
    {
        var result = CliRunner.Run("\n", "normalize");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"reason\":\"empty\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_KeepOriginal_SetsEventOriginal()
    {
        var result = CliRunner.Run("some raw text\n", "normalize", "--keep-original");

        Assert.Equal("some raw text", (string?)JsonNode.Parse(result.Lines[0])!["event"]!["original"]);
    }

    [Fact]
    public void Normalize_WithoutKeepOriginal_OmitsEventOriginal()
    {
        var result = CliRunner.Run("some raw text\n", "normalize");

        Assert.Null(JsonNode.Parse(result.Lines[0])!["event"]?["original"]);
    }

    [Fact]
    public void Normalize_FileInputAndOutput_RoundTrips()
    {
        var dir = Directory.CreateTempSubdirectory("logfold-cli-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.log");
            var output = Path.Combine(dir.FullName, "out.ndjson");
            File.WriteAllText(input, "a=1 b=2\r\nplain\r\n");
            var result = CliRunner.Run(string.Empty, "normalize", "--input", input, "--output", output);

            Assert.Equal(0, result.ExitCode);
            var lines = File.ReadAllLines(output);
            Assert.Equal(2, lines.Length);
            Assert.Equal("plain", (string?)JsonNode.Parse(lines[1])!["message"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Normalize_MissingInputFile_ExitsOneWithMessage()
    {
        var result = CliRunner.Run(string.Empty, "normalize", "--input", "/nonexistent/logfold/input.log");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("I/O failed", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timezone", "Not/AZone")]
    [InlineData("--source", "no_such_source")]
    [InlineData("--bogus", "x")]
    public void Normalize_BadOption_ExitsTwoWithUsage(string option, string value)
    {
        var result = CliRunner.Run(string.Empty, "normalize", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_TimezoneOption_ReadsZonelessTimesInThatZone()
    {
        var result = CliRunner.Run("<13>Mar 10 09:30:00 host1 app: hello\n", "normalize", "--timezone", "+09:30");

        Assert.Equal("2026-03-10T00:00:00.000Z", (string?)JsonNode.Parse(result.Lines[0])!["@timestamp"]);
    }

    [Fact]
    public void Normalize_SummaryLine_ReportsCountsAndRate()
    {
        var result = CliRunner.Run("x\ny\n", "normalize");

        Assert.Matches(@"read=2 events=2 normalized=2 unknown=\d+ failed=0 seconds=[0-9.]+ events/s=\d+", result.Stderr);
    }
}
