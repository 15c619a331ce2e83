using Logfold.Contracts;
using Logfold.Serialization.Avro;

namespace Logfold.Serialization.Tests.Avro;

public sealed class AvroDetectedRecordCodecTests(SchemaRegistryFixture registry) : IClassFixture<SchemaRegistryFixture>
{
    [Fact]
    public void EncodeDecode_AllFields_RoundTrips()
    {
        using var codec = new AvroDetectedRecordCodec(registry.Client("logs.detected"));
        var record = new DetectedRecord
        {
            Raw = [0xFF, 0x00, (byte)'a'],
            Source = "paloalto",
            Confidence = 0.75,
            BestGuess = "x",
            Hint = "linux_syslog",
            HintDisagreed = true,
            SourceHost = "fw1",
            RawTimestampMs = 1_764_784_800_123,
        };
        record.Alternatives.Add(new DetectedAlternative("linux_syslog", 0.5));

        var decoded = new DetectedRecord();
        codec.Decode(codec.Encode(record), decoded);

        Assert.Equal(record.Raw, decoded.Raw);
        Assert.Equal(record.Source, decoded.Source);
        Assert.Equal(record.Confidence, decoded.Confidence);
        Assert.Equal(record.BestGuess, decoded.BestGuess);
        Assert.Equal(record.Hint, decoded.Hint);
        Assert.True(decoded.HintDisagreed);
        Assert.Equal(record.SourceHost, decoded.SourceHost);
        Assert.Equal(record.RawTimestampMs, decoded.RawTimestampMs);
        Assert.Equal(record.Alternatives, decoded.Alternatives);
        Assert.Single(registry.Server.SchemaIds("logs.detected-value"));
    }

    [Fact]
    public void Decode_EcsRecordOnDetectedTopic_ThrowsRecordFormatException()
    {
        using var ecs = new AvroEcsDocumentCodec(registry.Client("mixed.topic"));
        using var detected = new AvroDetectedRecordCodec(registry.Client("mixed.topic"));
        var bytes = ecs.Encode(new Logfold.Processing.Model.EcsDocument());

        var error = Assert.Throws<RecordFormatException>(() => detected.Decode(bytes, new DetectedRecord()));

        Assert.Contains("not a DetectedRecord", error.Message, StringComparison.Ordinal);
    }
}
