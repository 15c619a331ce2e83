using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogfoldHeaders = Logfold.Contracts.Headers;

namespace Logfold.Cli.Tests.Ops;

public sealed class DlqCommandTests(KafkaFixture kafka) : IClassFixture<KafkaFixture>
{
    private const long T0 = 1_780_000_000_000L;

    [Fact]
    public void DlqList_StageAndReasonFilters_PrintOnlyMatches()
    {
        var (dlq, source) = (kafka.Name("dlq-list"), kafka.Name("src"));
        SeedDlq(dlq, source);

        var all = CliRunner.Run(string.Empty, "dlq", "list", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq);
        var normalizer = CliRunner.Run(string.Empty, "dlq", "list", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--stage", "normalizer");
        var reason = CliRunner.Run(string.Empty, "dlq", "list", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--reason", "empty,too_large");
        var limited = CliRunner.Run(string.Empty, "dlq", "list", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--limit", "2");

        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Equal(4, all.Lines.Length);
        Assert.StartsWith("p0@0  ", all.Lines[0], StringComparison.Ordinal);
        Assert.Contains("stage=normalizer  category=Data  reason=bad_json  source=" + source + "/0@10  retry=0", all.Lines[0], StringComparison.Ordinal);
        Assert.Equal(3, normalizer.Lines.Length);
        Assert.All(normalizer.Lines, l => Assert.Contains("stage=normalizer", l, StringComparison.Ordinal));
        Assert.Single(reason.Lines);
        Assert.Contains("reason=empty", reason.Lines[0], StringComparison.Ordinal);
        Assert.Equal(2, limited.Lines.Length);
        Assert.Contains("listed 3 of 4", normalizer.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DlqList_SinceUntil_FilterByDeadLetterTime()
    {
        var (dlq, source) = (kafka.Name("dlq-time"), kafka.Name("src"));
        SeedDlq(dlq, source);
        string At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O", CultureInfo.InvariantCulture);

        var result = CliRunner.Run(string.Empty, "dlq", "list", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq,
            "--since", At(T0 + 1000), "--until", At(T0 + 3000));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith("p0@1  ", result.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("p0@2  ", result.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DlqShow_TextAndBinary_PrintsHeadersAndValue()
    {
        var (dlq, source) = (kafka.Name("dlq-show"), kafka.Name("src"));
        SeedDlq(dlq, source);

        var text = CliRunner.Run(string.Empty, "dlq", "show", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--partition", "0", "--offset", "0");
        var binary = CliRunner.Run(string.Empty, "dlq", "show", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--partition", "0", "--offset", "3");
        var missing = CliRunner.Run(string.Empty, "dlq", "show", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--partition", "0", "--offset", "4");

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("  logfold.error.reason: bad_json", text.Lines);
        Assert.Contains("  logfold.source: linux_syslog", text.Lines);
        Assert.Contains("value: {\"broken\":", text.Lines);
        Assert.Contains("key: host-a", text.Lines);
        Assert.True(binary.ExitCode == 0, binary.Stderr);
        Assert.Contains("value (base64): " + Convert.ToBase64String([0x1b, 0x5b, 0x32, 0x4a, 0xff]), binary.Lines);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("offsets 0 to 3", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DlqRedrive_Execute_SendsToSourceWithRetryCountAndWithoutErrorHeaders()
    {
        var (dlq, source, group) = (kafka.Name("dlq-redrive"), kafka.Name("src"), kafka.Name("redrive"));
        kafka.ProduceText(source, 0, 1);
        SeedDlq(dlq, source);

        var result = CliRunner.Run(string.Empty, "dlq", "redrive", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--group", group,
            "--stage", "normalizer", "--max-retries", "2", "--execute", "--yes");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("read 4, matched 3, sent 2, skipped 1 (max_retries 1), failed 0", result.Stdout, StringComparison.Ordinal);
        var sent = kafka.ReadAll(source, 0, 3);
        Assert.Equal(3, sent.Count);
        var first = sent[1].Message;
        Assert.Equal("host-a", Encoding.UTF8.GetString(first.Key));
        Assert.Equal("{\"broken\":", Encoding.UTF8.GetString(first.Value));
        Assert.Equal(["logfold.source", "x-tenant", LogfoldHeaders.RetryCount], Names(first.Headers));
        Assert.Equal("1", Encoding.ASCII.GetString(first.Headers.GetLastBytes(LogfoldHeaders.RetryCount)));
        Assert.Equal("linux_syslog", Encoding.UTF8.GetString(first.Headers.GetLastBytes("logfold.source")));
        Assert.Equal("2", Encoding.ASCII.GetString(sent[2].Message.Headers.GetLastBytes(LogfoldHeaders.RetryCount)));
        Assert.Equal(4, kafka.Committed(group, dlq, 0));

        var again = CliRunner.Run(string.Empty, "dlq", "redrive", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--group", group,
            "--stage", "normalizer", "--execute", "--yes");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("read 0, matched 0", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, kafka.EndOffset(source, 0));
    }

    [Fact]
    public void DlqRedrive_DryRun_CountsAndSendsNothing()
    {
        var (dlq, source, group) = (kafka.Name("dlq-dry"), kafka.Name("src"), kafka.Name("redrive"));
        kafka.ProduceText(source, 0, 1);
        SeedDlq(dlq, source);

        var result = CliRunner.Run(string.Empty, "dlq", "redrive", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--group", group);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read 4, matched 4, to send 4, skipped 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dry run", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, kafka.EndOffset(source, 0));
        Assert.True(kafka.Committed(group, dlq, 0) < 0);
    }

    [Fact]
    public void DlqRedrive_Declined_SendsNothing()
    {
        var (dlq, source, group) = (kafka.Name("dlq-no"), kafka.Name("src"), kafka.Name("redrive"));
        kafka.ProduceText(source, 0, 1);
        SeedDlq(dlq, source);

        var result = CliRunner.Run("n\n", "dlq", "redrive", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--group", group, "--execute");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, kafka.EndOffset(source, 0));
    }

    [Fact]
    public void DlqRedrive_NoSourceTopicOrBadRetryCount_SkippedWithReasons()
    {
        var (dlq, group) = (kafka.Name("dlq-skip"), kafka.Name("redrive"));
        kafka.Produce(dlq, 0,
        [
            new Message<byte[], byte[]> { Value = "a"u8.ToArray(), Headers = new Confluent.Kafka.Headers { { LogfoldHeaders.ErrorStage, "detector"u8.ToArray() } } },
            new Message<byte[], byte[]>
            {
                Value = "b"u8.ToArray(),
                Headers = new Confluent.Kafka.Headers
                {
                    { LogfoldHeaders.ErrorStage, "detector"u8.ToArray() },
                    { LogfoldHeaders.SourceTopic, "logs.raw"u8.ToArray() },
                    { LogfoldHeaders.RetryCount, "many"u8.ToArray() },
                },
            },
        ]);

        var result = CliRunner.Run(string.Empty, "dlq", "redrive", "--bootstrap-server", kafka.Bootstrap, "--topic", dlq, "--group", group, "--execute", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read 2, matched 2, to send 0, skipped 2 (invalid_retry_count 1, no_source_topic 1)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("skip(no_source_topic) p0@0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("retry=invalid", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing to redrive.", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x68, 0x69, 0x0a, 0x09 }, true)]
    [InlineData(new byte[] { 0x1b, 0x5b, 0x33, 0x31, 0x6d }, false)]
    [InlineData(new byte[] { 0xc3, 0x28 }, false)]
    [InlineData(new byte[] { 0xc2, 0x9b }, false)]
    [InlineData(new byte[] { 0xc3, 0xa9 }, true)]
    public void DisplayBytes_ControlOrInvalidUtf8_IsNotPrintable(byte[] bytes, bool printable)
    {
        Assert.Equal(printable, Kafka.DisplayBytes.IsPrintable(bytes));
        Assert.Equal(printable ? "v: " : "v (base64): ", Kafka.DisplayBytes.Field("v", bytes)[..(printable ? 3 : 12)]);
    }

    [Fact]
    public void RedriveHeaders_ErrorAndSourceContext_DroppedHintKeptRetryIncremented()
    {
        var original = new Confluent.Kafka.Headers
        {
            { "logfold.source", "paloalto"u8.ToArray() },
            { LogfoldHeaders.ErrorReason, "x"u8.ToArray() },
            { LogfoldHeaders.ErrorExceptionType, "y"u8.ToArray() },
            { LogfoldHeaders.SourceTopic, "logs.raw"u8.ToArray() },
            { LogfoldHeaders.SourceTimestamp, "1"u8.ToArray() },
            { LogfoldHeaders.RetryCount, "4"u8.ToArray() },
            { "traceparent", "00-abc"u8.ToArray() },
        };

        var headers = Commands.DlqRedriveCommand.RedriveHeaders(original, 4);

        Assert.Equal(["logfold.source", "traceparent", LogfoldHeaders.RetryCount], Names(headers));
        Assert.Equal("5", Encoding.ASCII.GetString(headers.GetLastBytes(LogfoldHeaders.RetryCount)));
    }

    private static List<string> Names(Confluent.Kafka.Headers headers)
    {
        var names = new List<string>();
        foreach (var h in headers)
        {
            names.Add(h.Key);
        }

        return names;
    }

    /// <summary>Four DLQ records, one second apart from T0: three from the normalizer (retry 0, 1, 2) and one from the detector.</summary>
    private void SeedDlq(string dlq, string source)
    {
        Message<byte[], byte[]> Record(int i, string stage, string reason, int? retry, byte[] value)
        {
            var headers = new Confluent.Kafka.Headers
            {
                { "logfold.source", "linux_syslog"u8.ToArray() },
                { "x-tenant", "acme"u8.ToArray() },
                { LogfoldHeaders.ErrorStage, Encoding.UTF8.GetBytes(stage) },
                { LogfoldHeaders.ErrorCategory, "Data"u8.ToArray() },
                { LogfoldHeaders.ErrorReason, Encoding.UTF8.GetBytes(reason) },
                { LogfoldHeaders.ErrorMessage, "bad"u8.ToArray() },
                { LogfoldHeaders.SourceTopic, Encoding.UTF8.GetBytes(source) },
                { LogfoldHeaders.SourcePartition, "0"u8.ToArray() },
                { LogfoldHeaders.SourceOffset, Encoding.UTF8.GetBytes((10 + i).ToString(CultureInfo.InvariantCulture)) },
                { LogfoldHeaders.SourceTimestamp, "1"u8.ToArray() },
            };
            if (retry is { } r)
            {
                headers.Add(LogfoldHeaders.RetryCount, Encoding.ASCII.GetBytes(r.ToString(CultureInfo.InvariantCulture)));
            }

            return new Message<byte[], byte[]>
            {
                Key = "host-a"u8.ToArray(),
                Value = value,
                Headers = headers,
                Timestamp = new Timestamp(T0 + (i * 1000L), TimestampType.CreateTime),
            };
        }

        kafka.Produce(dlq, 0,
        [
            Record(0, "normalizer", "bad_json", null, "{\"broken\":"u8.ToArray()),
            Record(1, "normalizer", "missing_field", 1, "{}"u8.ToArray()),
            Record(2, "detector", "empty", 0, []),
            Record(3, "normalizer", "invalid_utf8", 2, [0x1b, 0x5b, 0x32, 0x4a, 0xff]),
        ]);
    }
}
