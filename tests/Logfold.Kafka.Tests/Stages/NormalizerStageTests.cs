using System.Text;
using System.Text.Json.Nodes;
using Logfold.Contracts;
using Logfold.Kafka.Tests.Support;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;
using Logfold.Testing.Stages;

namespace Logfold.Kafka.Tests.Stages;

public sealed class NormalizerStageTests
{
    private readonly TestDetectedCodec _codec = new();

    private NormalizerStage NewStage() =>
        new(LogNormalizer.CreateDefault(), new NormalizeContext { KeepOriginal = true }, _codec, new TestEcsCodec());

    private byte[] Detected(string raw, string source, string? host = null)
    {
        var r = new DetectedRecord { Raw = Encoding.UTF8.GetBytes(raw), Source = source, Confidence = 0.95, SourceHost = host };
        return _codec.Encode(r);
    }

    [Fact]
    public void Process_DetectedSyslog_EmitsEcsUnderInputKey()
    {
        const string line = "Nov 24 08:00:01 app-03 sshd[812]: Accepted password for alice from 192.0.2.1 port 22 ssh2";
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(Detected(line, SourceTypes.LinuxSyslog), key: "app-03"u8.ToArray())]);

        StageCompliance.Check(output);
        var emitted = Assert.Single(output.Emitted);
        Assert.Equal("app-03", Encoding.UTF8.GetString(emitted.Key!));
        var doc = JsonNode.Parse(emitted.Value!)!;
        Assert.Equal(line, (string?)doc["event"]!["original"]);
        Assert.Equal("app-03", (string?)doc["host"]!["hostname"] ?? (string?)doc["host"]!["name"]);
        Assert.Equal("alice", (string?)doc["user"]!["name"]);
        Assert.Equal(SourceTypes.LinuxSyslog, (string?)doc["logfold"]!["source"]);
    }

    [Fact]
    public void Process_UnknownSource_UsesGenericMapping()
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(Detected("free text nobody recognises", SourceTypes.Unknown))]);

        var doc = JsonNode.Parse(Assert.Single(output.Emitted).Value!)!;
        Assert.Equal("free text nobody recognises", (string?)doc["event"]!["original"]);
    }

    [Fact]
    public void Process_UndecodableValue_DeadLettersInvalidRecord()
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input("not a detected record"u8.ToArray())]);

        StageCompliance.Check(output);
        var dlq = Assert.Single(output.DeadLettered);
        Assert.Equal("invalid_record", dlq.Reason);
        Assert.IsType<RecordFormatException>(dlq.Exception);
    }

    [Fact]
    public void Process_SourceWithoutModule_DeadLettersUnknownSource()
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(Detected("x", "mainframe_smf"))]);

        Assert.Equal("unknown_source", Assert.Single(output.DeadLettered).Reason);
    }

    [Fact]
    public void Process_MalformedCloudTrail_DeadLettersParserReason()
    {
        var output = StageHarness.Run(NewStage(), [StageHarness.Input(Detected("{\"eventVersion\":\"1.08\",\"eventTime\":", SourceTypes.AwsCloudTrail))]);

        StageCompliance.Check(output);
        var dlq = Assert.Single(output.DeadLettered);
        Assert.Equal(ErrorCategory.Data, dlq.Category);
        Assert.False(string.IsNullOrEmpty(dlq.Detail));
    }
}
