using System.Text;
using Logfold.Contracts;
using Logfold.Kafka.Tests.Support;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Testing;
using Logfold.Testing.Stages;

namespace Logfold.Kafka.Tests.Stages;

public sealed class DetectorStageTests
{
    private readonly TestDetectedCodec _codec = new();

    private DetectorStage NewStage() => new(LogNormalizer.CreateDefault(), _codec);

    private DetectedRecord Decode(byte[] bytes)
    {
        var r = new DetectedRecord();
        _codec.Decode(bytes, r);
        return r;
    }

    [Fact]
    public void Process_SyslogLine_EmitsDetectedRecordKeyedByHost()
    {
        var line = "Nov 24 08:00:01 app-03 sshd[812]: Accepted password for alice from 192.0.2.1 port 22 ssh2"u8.ToArray();
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(line, key: "raw-key"u8.ToArray(), timestampMs: 1234)]);

        StageCompliance.Check(output);
        var emitted = Assert.Single(output.Emitted);
        Assert.Equal("app-03", Encoding.UTF8.GetString(emitted.Key!));
        var record = Decode(emitted.Value!);
        Assert.Equal(SourceTypes.LinuxSyslog, record.Source);
        Assert.Equal(line, record.Raw);
        Assert.Equal("app-03", record.SourceHost);
        Assert.Equal(1234, record.RawTimestampMs);
        Assert.True(record.Confidence > 0.5);
        Assert.NotEmpty(record.Alternatives);
    }

    [Fact]
    public void Process_NoHostReadable_FallsBackToRawKey()
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input("just some words with no header"u8.ToArray(), key: "producer-7"u8.ToArray())]);

        var emitted = Assert.Single(output.Emitted);
        Assert.Equal("producer-7", Encoding.UTF8.GetString(emitted.Key!));
        Assert.Equal(SourceTypes.Unknown, Decode(emitted.Value!).Source);
    }

    [Fact]
    public void Process_SourceHintHeader_IsRecordedAndHonoured()
    {
        var line = File.ReadLines(Path.Combine(RepoPaths.TestData, "paloalto", "traffic.log")).First();
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(Encoding.UTF8.GetBytes(line), headers: (Headers.SourceHint, SourceTypes.PaloAlto))]);

        var record = Decode(Assert.Single(output.Emitted).Value!);
        Assert.Equal(SourceTypes.PaloAlto, record.Source);
        Assert.Equal(SourceTypes.PaloAlto, record.Hint);
        Assert.False(record.HintDisagreed);
    }

    [Fact]
    public void Process_WrongHint_DetectorDisagrees()
    {
        var line = "Nov 24 08:00:01 app-03 sshd[812]: Accepted password for alice from 192.0.2.1 port 22 ssh2"u8.ToArray();
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(line, headers: (Headers.SourceHint, SourceTypes.AwsCloudTrail))]);

        var record = Decode(Assert.Single(output.Emitted).Value!);
        Assert.Equal(SourceTypes.AwsCloudTrail, record.Hint);
        Assert.Equal(SourceTypes.LinuxSyslog, record.Source);
        Assert.True(record.HintDisagreed);
    }

    [Fact]
    public void Process_CloudTrailRecordsFile_EmitsOneRecordPerEvent()
    {
        var file = Encoding.UTF8.GetBytes(File.ReadLines(Path.Combine(RepoPaths.TestData, "aws_cloudtrail", "records-container.log")).First());
        var expected = new List<ReadOnlyMemory<byte>>();
        Assert.True(LogNormalizer.CreateDefault().TryExpand(file, expected));
        Assert.True(expected.Count > 1);

        var output = StageHarness.Run(NewStage(), [StageHarness.Input(file, key: "bucket/key"u8.ToArray())]);

        StageCompliance.Check(output, exactlyOne: false);
        var emitted = output.Emitted.ToList();
        Assert.Equal(expected.Count, emitted.Count);
        for (var i = 0; i < emitted.Count; i++)
        {
            var record = Decode(emitted[i].Value!);
            Assert.Equal(SourceTypes.AwsCloudTrail, record.Source);
            Assert.Equal(expected[i].ToArray(), record.Raw);
            Assert.Equal("bucket/key", Encoding.UTF8.GetString(emitted[i].Key!));
        }
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x20, 0x20 }, "empty")]
    [InlineData(new byte[] { 0x61, 0xFF, 0xFE, 0x62 }, "invalid_utf8")]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, "binary")]
    public void Process_InvalidRaw_DeadLettersWithReason(byte[] raw, string reason)
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(raw)]);

        StageCompliance.Check(output);
        var dlq = Assert.Single(output.DeadLettered);
        Assert.Equal(reason, dlq.Reason);
        Assert.Equal(ErrorCategory.Data, dlq.Category);
    }

    [Fact]
    public void Process_TooLarge_DeadLettered()
    {
        var stage = new DetectorStage(new LogNormalizer(SourceCatalog.BuiltIn(), new Processing.Detect.DetectionOptions(), maxEventBytes: 64), _codec);
        var output = StageHarness.Run(stage, [StageHarness.Input(Encoding.UTF8.GetBytes(new string('x', 65)))]);

        Assert.Equal("too_large", Assert.Single(output.DeadLettered).Reason);
    }

    [Fact]
    public void Process_EveryGoldenLine_ReachesExactlyOneVerb()
    {
        var inputs = new List<InputRecord>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.TestData, "*.log", SearchOption.AllDirectories))
        {
            if (file.Contains("records-container", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file))
            {
                inputs.Add(StageHarness.Input(Encoding.UTF8.GetBytes(line)));
            }
        }

        var output = StageHarness.Run(NewStage(), inputs);

        StageCompliance.Check(output);
        Assert.Equal(inputs.Count, output.Outcomes.Count);
        StageCompliance.Reconcile(inputs.Count, output.Emitted.Count(), output.DeadLettered.Count(), output.Filtered.Count());
    }
}
