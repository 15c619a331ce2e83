using System.Text;
using Logfold.Contracts;
using Logfold.Serialization.Json;

namespace Logfold.Serialization.Tests.Json;

public sealed class JsonDetectedRecordCodecTests
{
    [Fact]
    public void EncodeDecode_AllFields_RoundTrips()
    {
        var codec = new JsonDetectedRecordCodec();
        var record = Sample(Encoding.UTF8.GetBytes("<14>Dec  3 18:00:00 host1 sshd[1]: \"quoted\" ünïcode\ttab"));

        var decoded = new DetectedRecord();
        codec.Decode(codec.Encode(record), decoded);

        AssertEqual(record, decoded);
    }

    [Fact]
    public void Encode_Utf8Raw_WritesRawAsString()
    {
        var json = Encoding.UTF8.GetString(new JsonDetectedRecordCodec().Encode(Sample("line ü"u8.ToArray())));

        Assert.Contains("\"raw\":\"line ü\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("raw_base64", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeDecode_InvalidUtf8Raw_UsesBase64AndRoundTrips()
    {
        var codec = new JsonDetectedRecordCodec();
        var record = Sample([0xFF, 0x00, 0xC3, 0x28, (byte)'a']);

        var bytes = codec.Encode(record);
        var decoded = new DetectedRecord();
        codec.Decode(bytes, decoded);

        Assert.Contains("\"raw_base64\":\"/wDDKGE=\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        AssertEqual(record, decoded);
    }

    [Fact]
    public void Decode_MinimalRecord_ResetsOtherFields()
    {
        var codec = new JsonDetectedRecordCodec();
        var reused = Sample("old"u8.ToArray());

        codec.Decode("{\"source\":\"unknown\",\"raw\":\"x\",\"future_field\":{\"a\":[1,2]}}"u8, reused);

        Assert.Equal("x"u8.ToArray(), reused.Raw);
        Assert.Equal("unknown", reused.Source);
        Assert.Null(reused.Hint);
        Assert.Null(reused.BestGuess);
        Assert.Null(reused.SourceHost);
        Assert.False(reused.HintDisagreed);
        Assert.Empty(reused.Alternatives);
        Assert.Equal(0, reused.RawTimestampMs);
    }

    [Theory]
    [InlineData("", "not valid detected-record JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{\"source\":\"paloalto\"}", "raw field is missing")]
    [InlineData("{\"raw\":\"x\"}", "source field is missing")]
    [InlineData("{\"source\":\"\",\"raw\":\"x\"}", "source is empty")]
    [InlineData("{\"source\":1,\"raw\":\"x\"}", "source must be a string")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\",\"confidence\":1.5}", "confidence must be a number in [0,1]")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\",\"raw_base64\":\"eA==\"}", "raw is given twice")]
    [InlineData("{\"source\":\"a\",\"raw_base64\":\"***\"}", "wrong format")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\",\"raw_timestamp_ms\":1.5}", "must be an integer")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\",\"alternatives\":[{\"score\":0.1}]}", "has no source")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\",\"alternatives\":[1]}", "array of objects")]
    [InlineData("{\"source\":\"a\",\"raw\":\"x\"}x", "JSON")]
    [InlineData("{\"source\":\"a\",\"raw\":\"\\uDC00\"}", "not valid UTF-8")]
    public void Decode_BadRecord_ThrowsRecordFormatExceptionWithReason(string json, string reason)
    {
        var error = Assert.Throws<RecordFormatException>(() => new JsonDetectedRecordCodec().Decode(Encoding.UTF8.GetBytes(json), new DetectedRecord()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SeededMutations_OnlyRecordFormatException()
    {
        var codec = new JsonDetectedRecordCodec();
        var corpus = new[]
        {
            codec.Encode(Sample("<134>1 2026-12-03T18:00:00Z host app - - - message"u8.ToArray())),
            codec.Encode(Sample([0xFF, 0xFE, 0x01, 0x02])),
            codec.Encode(Sample("{\"Records\":[{\"eventVersion\":\"1.08\"}]}"u8.ToArray())),
        };
        var random = new Random(31337);
        var into = new DetectedRecord();
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < 3000; i++)
        {
            var mutated = Mutator.Mutate(corpus[random.Next(corpus.Length)], random);
            try
            {
                codec.Decode(mutated, into);
                accepted++;
                var again = new DetectedRecord();
                codec.Decode(codec.Encode(into), again);
                AssertEqual(into, again);
            }
            catch (RecordFormatException)
            {
                rejected++;
            }
        }

        Assert.True(accepted > 50 && rejected > 50, $"accepted={accepted} rejected={rejected}");
    }

    private static DetectedRecord Sample(byte[] raw)
    {
        var record = new DetectedRecord
        {
            Raw = raw,
            Source = "linux_syslog",
            Confidence = 0.875,
            BestGuess = "guess",
            Hint = "paloalto",
            HintDisagreed = true,
            SourceHost = "host1",
            RawTimestampMs = 1_764_784_800_123,
        };
        record.Alternatives.Add(new DetectedAlternative("paloalto", 0.25));
        record.Alternatives.Add(new DetectedAlternative("generic", 0.1));
        return record;
    }

    private static void AssertEqual(DetectedRecord expected, DetectedRecord actual)
    {
        Assert.Equal(expected.Raw, actual.Raw);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.BestGuess, actual.BestGuess);
        Assert.Equal(expected.Hint, actual.Hint);
        Assert.Equal(expected.HintDisagreed, actual.HintDisagreed);
        Assert.Equal(expected.Alternatives, actual.Alternatives);
        Assert.Equal(expected.SourceHost, actual.SourceHost);
        Assert.Equal(expected.RawTimestampMs, actual.RawTimestampMs);
    }
}
